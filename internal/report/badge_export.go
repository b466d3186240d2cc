package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"rsc.io/qr"

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
	put := func(text string, style export.TextStyle) {
		if strings.TrimSpace(text) == "" || textArea.Height <= 0 {
			return
		}
		h, _ := doc.TextIn(textArea, text, style)
		textArea.Y += h
		textArea.Height -= h
	}
	center := func(size float64, bold bool) export.TextStyle {
		return export.TextStyle{Size: size, Bold: bold, Align: export.AlignCenter}
	}
	put(e.conf.LocalTitle(e.locale)+" · "+row[badgeConference], center(7, false))
	textArea.Y += 4
	put(row[badgeGiven]+" "+strings.ToUpper(row[badgeFamily]), center(15, true))
	put(strings.TrimSpace(row[badgeGivenOriginal]+" "+row[badgeFamilyOriginal]), center(15, true))
	textArea.Y += 4
	put(row[badgeOrganization], center(9.5, false))
	if row[badgeOrganizationEN] != row[badgeOrganization] {
		put(row[badgeOrganizationEN], center(9.5, false))
	}
	put(row[badgeCountry], center(8.5, false))
	if row[badgeURL] == "" {
		return nil
	}
	code, err := qr.Encode(row[badgeURL], qr.M)
	if err != nil {
		return fmt.Errorf("badge qr code: %w", err)
	}
	// Four pixels a module keep the image small; the page scales it up.
	code.Scale = 4
	qrBox := export.Box{X: inner.X + (inner.Width-qrSize)/2, Y: inner.Y + inner.Height - qrSize, Width: qrSize, Height: qrSize}
	return doc.ImageIn(qrBox, code.PNG())
}
