package report

import (
	"fmt"

	"rsc.io/qr"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/export"
)

// badgeCodeLine is the height under a badge's QR code given to its short
// code, which a person types at a door without a camera.
const badgeCodeLine = 15.0

// rememberBadge keeps a delegate's badge for its card: the QR code holds
// the token alone (version 7 at error correction M; the address with the
// site's would not fit), and the short code is printed under it.
func (e *Export) rememberBadge(delegateID string, b *accreditation.Badge) {
	if e.badges == nil {
		e.badges = map[string]*accreditation.Badge{}
	}
	e.badges[delegateID] = b
}

// drawBadgeCode draws, at the bottom of a card's inner box, the badge's
// QR code and its short code under it.
func (e *Export) drawBadgeCode(doc *export.Document, inner export.Box, delegateID string) error {
	b := e.badges[delegateID]
	if b == nil {
		return nil
	}
	delete(e.badges, delegateID)
	code, err := qr.Encode(b.Token, qr.M)
	if err != nil {
		return fmt.Errorf("badge qr code: %w", err)
	}
	// Four pixels a module keep the image small; the page scales it up.
	code.Scale = 4
	side := qrSize - badgeCodeLine
	qrBox := export.Box{X: inner.X + (inner.Width-side)/2, Y: inner.Y + inner.Height - qrSize, Width: side, Height: side}
	if err := doc.ImageIn(qrBox, code.PNG()); err != nil {
		return err
	}
	if b.Code == "" {
		return nil
	}
	line := export.Box{X: inner.X, Y: qrBox.Y + side, Width: inner.Width, Height: badgeCodeLine}
	_, err = doc.TextIn(line, b.Code, export.TextStyle{Size: 8.5, Bold: true, Align: export.AlignCenter})
	return err
}
