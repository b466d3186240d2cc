package retry

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestScheduleDoublesUpToMax(t *testing.T) {
	s := Schedule{First: 30 * time.Second, Max: 4 * time.Hour}
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute,
		16 * time.Minute, 32 * time.Minute, 64 * time.Minute, 128 * time.Minute, 4 * time.Hour, 4 * time.Hour}
	for i, w := range want {
		for range 50 {
			if d := s.Delay(i + 1); d > w || d < w*4/5 {
				t.Fatalf("Delay(%d) = %v, want between %v and %v", i+1, d, w*4/5, w)
			}
		}
	}
	if d := s.Delay(0); d > 30*time.Second {
		t.Fatalf("Delay(0) = %v, want at most the first wait", d)
	}
	if d := s.Delay(1 << 20); d > 4*time.Hour {
		t.Fatalf("Delay(1<<20) = %v, past the cap", d)
	}
}

func TestErrorTextKeepsCharactersWhole(t *testing.T) {
	long := strings.Repeat("a", 999) + "é and more"
	got := ErrorText(errors.New(long))
	if len(got) > 1000 || !utf8.ValidString(got) || got != strings.Repeat("a", 999) {
		t.Fatalf("ErrorText cut to %d bytes: %q…", len(got), got[max(0, len(got)-5):])
	}
	if got := ErrorText(errors.New("short")); got != "short" {
		t.Fatalf("ErrorText(short) = %q", got)
	}
}

func TestEveryRunsUntilDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	passes, failures, dones := 0, 0, 0
	retry := func(context.Context) (int, error) {
		passes++
		switch passes {
		case 1:
			return 0, errors.New("down")
		case 2:
			return 3, nil
		default:
			cancel()
			return 0, nil
		}
	}
	Every(ctx, time.Millisecond, retry, func(int, error) { failures++ }, func(int) { dones++ })
	if passes != 3 || failures != 1 || dones != 1 {
		t.Fatalf("passes %d, failures %d, dones %d; want 3, 1, 1", passes, failures, dones)
	}
}
