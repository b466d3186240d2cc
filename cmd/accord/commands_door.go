package main

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/app"
)

// conferenceIDOf resolves `--conference CODE` to the conference's id; an
// empty code is no conference.
func conferenceIDOf(ctx context.Context, a *app.App, code string) (string, error) {
	if code == "" {
		return "", nil
	}
	conf, err := a.Accreditation.GetConference(ctx, accord.Actor{}, code)
	if err != nil {
		if accord.KindOf(err) == accord.KindNotFound {
			return "", usageError{"--conference: no conference with code " + code}
		}
		return "", err
	}
	return conf.ID, nil
}
