package accreditation

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/accord-coalition/accord/internal/workflow"
)

// badgeCodeAlphabet has no letters a reader confuses: no 0 and O, no 1, I
// and L, no U (read as V), as in Crockford's base 32.
const badgeCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

// badgeCodeLen: 30^8 ≈ 6.6·10^11 codes, so guessing one valid code among a
// conference's thousands takes hundreds of millions of tries.
const badgeCodeLen = 8

// newBadgeCode draws a code uniformly from the alphabet.
func newBadgeCode() (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < badgeCodeLen {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("badge code: %w", err)
		}
		// 240 = 8·30: rejecting the rest keeps every letter equally likely.
		if buf[0] < 240 {
			b.WriteByte(badgeCodeAlphabet[int(buf[0])%len(badgeCodeAlphabet)])
		}
	}
	return b.String(), nil
}

// normalizeBadgeCode upper-cases a typed code and drops the spaces and
// hyphens people add; it reports false for anything that cannot be a code.
func normalizeBadgeCode(s string) (string, bool) {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(s)))
	if len(s) != badgeCodeLen {
		return "", false
	}
	for _, r := range s {
		if !strings.ContainsRune(badgeCodeAlphabet, r) {
			return "", false
		}
	}
	return s, true
}

// assignBadgeCode gives a newly issued badge its code. A badge keeps its
// code for life; the unique index refuses the (vanishingly rare) repeat,
// which fails the issue and is retried by the secretariat.
func assignBadgeCode(ctx context.Context, f *workflow.Firing) error {
	d := delegateOf(f)
	if d.BadgeCode != nil {
		return nil
	}
	code, err := newBadgeCode()
	if err != nil {
		return err
	}
	if err := f.Tx.WithContext(ctx).Model(&Delegate{}).Where("id = ?", d.ID).
		UpdateColumn("badge_code", code).Error; err != nil {
		return fmt.Errorf("assign badge code: %w", err)
	}
	d.BadgeCode = &code
	return nil
}
