package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/export"
)

// Columns of a badges row, as badgesQuery selects them.
const (
	badgeDelegate = iota
	badgeFamily
	badgeGiven
	badgeFamilyOriginal
	badgeGivenOriginal
	badgeOrganization
	badgeOrganizationEN
	badgeCountry
	badgeConference
	badgeURL
)

// badgeRows fills each row's badge address. Tokens are signed by the
// accreditation service, which alone holds the key; a delegate whose badge
// was withdrawn since the snapshot was taken gets no address, so no
// printable code for a badge that would not verify.
func (e *Export) badgeRows(rows export.Rows) export.Rows {
	return export.RowsFunc(func(ctx context.Context) ([]string, error) {
		row, err := rows.Next(ctx)
		if err != nil {
			return nil, err
		}
		b, err := e.s.accr.BadgeOf(ctx, e.actor, row[badgeDelegate])
		switch accord.KindOf(err) {
		case accord.KindInternal:
			if err != nil {
				return nil, fmt.Errorf("badge of %s: %w", row[badgeDelegate], err)
			}
			row[badgeURL] = b.VerifyURL
			e.rememberBadge(row[badgeDelegate], b)
		default:
			row[badgeURL] = ""
		}
		return row, nil
	})
}

// Badge cards: six to an A4 page, two across, each with the holder's name
// in Latin script and in the original one, the organisation, the country,
// the conference and the QR code of the badge's address.
const (
	cardsAcross = 2
	cardsDown   = 3
	cardPadding = 12.0
	qrSize      = 92.0
)

// writeBadgeCards writes printable badges, a page of cards at a time.
func (e *Export) writeBadgeCards(ctx context.Context, w io.Writer, rows export.Rows) error {
	title := e.list.title(e.locale)
	doc, err := export.NewDocument(w, export.DocumentOptions{Title: title, Locale: e.locale})
	if err != nil {
		return err
	}
	area := doc.ContentBox()
	cardW, cardH := area.Width/cardsAcross, area.Height/cardsDown
	for n := 0; ; n++ {
		row, err := rows.Next(ctx)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		slot := n % (cardsAcross * cardsDown)
		if n > 0 && slot == 0 {
			if err := doc.AddPage(); err != nil {
				return err
			}
		}
		col, line := slot%cardsAcross, slot/cardsAcross
		if e.locale == "ar" {
			// A right-to-left reader starts at the top right.
			col = cardsAcross - 1 - col
		}
		box := export.Box{X: area.X + float64(col)*cardW, Y: area.Y + float64(line)*cardH, Width: cardW, Height: cardH}
		if err := e.drawCard(doc, box, row); err != nil {
			return err
		}
	}
	return doc.Close()
}

func (e *Export) drawCard(doc *export.Document, box export.Box, row []string) error {
	if err := doc.Frame(box); err != nil {
		return err
	}
	inner := box.Inset(cardPadding)
	textArea := inner
	textArea.Height -= qrSize + 6
	fields := cardFields(e.conf.LocalTitle(e.locale), row)
	// Every field is printed: when they do not fit at their sizes (a long
	// name on two lines, an organisation's name on three), all of them
	// shrink together until they do, rather than the last ones falling off
	// the card.
	scale := 1.0
	for ; scale > minCardScale; scale -= 0.05 {
		if cardHeight(doc, textArea.Width, fields, scale) <= textArea.Height {
			break
		}
	}
	scale = max(scale, minCardScale)
	for _, f := range fields {
		textArea.Y += f.gap * scale
		textArea.Height -= f.gap * scale
		if textArea.Height <= 0 {
			break
		}
		h, _ := doc.TextIn(textArea, f.text, f.style(scale))
		textArea.Y += h
		textArea.Height -= h
	}
	if row[badgeURL] == "" {
		return nil
	}
	return e.drawBadgeCode(doc, inner, row[badgeDelegate])
}

// minCardScale is the smallest a card's text is set, relative to its
// sizes: 15-point names at no less than 9 points.
const minCardScale = 0.6

// cardField is one line of a badge: its text, its size and the space
// above it.
type cardField struct {
	text string
	size float64
	bold bool
	gap  float64
}

func (f cardField) style(scale float64) export.TextStyle {
	return export.TextStyle{Size: f.size * scale, Bold: f.bold, Align: export.AlignCenter}
}

// cardFields are the fields of a badge, top down: the conference, the
// name in Latin script and in the original one, the organisation (and its
// English name when it differs) and the country. Empty fields are left
// out.
func cardFields(conferenceTitle string, row []string) []cardField {
	all := []cardField{
		{text: conferenceTitle + " · " + row[badgeConference], size: 7},
		{text: row[badgeGiven] + " " + strings.ToUpper(row[badgeFamily]), size: 15, bold: true, gap: 4},
		{text: strings.TrimSpace(row[badgeGivenOriginal] + " " + row[badgeFamilyOriginal]), size: 15, bold: true},
		{text: row[badgeOrganization], size: 9.5, gap: 4},
	}
	if row[badgeOrganizationEN] != row[badgeOrganization] {
		all = append(all, cardField{text: row[badgeOrganizationEN], size: 9.5})
	}
	all = append(all, cardField{text: row[badgeCountry], size: 8.5})
	var out []cardField
	for _, f := range all {
		if strings.TrimSpace(f.text) != "" {
			out = append(out, f)
		}
	}
	return out
}

// cardHeight is the height fields take at scale in a box width wide.
func cardHeight(doc *export.Document, width float64, fields []cardField, scale float64) float64 {
	h := 0.0
	for _, f := range fields {
		h += f.gap*scale + doc.TextHeight(width, f.text, f.style(scale))
	}
	return h
}
