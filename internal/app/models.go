package app

import (
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/webhook"
)

// Models lists every GORM model of every capability. The schema test
// checks each against the migrated tables on both engines, so a model and
// its migration cannot drift apart unnoticed.
func Models() []any {
	var all []any
	for _, models := range [][]any{
		country.Models(),
		auth.Models(),
		audit.Models(),
		notify.Models(),
		membership.Models(),
		accreditation.Models(),
		accreditation.DeskModels(),
		report.Models(),
		webhook.Models(),
		memberimport.Models(),
	} {
		all = append(all, models...)
	}
	return all
}
