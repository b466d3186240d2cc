package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"strconv"
	"time"
)

// occurredLayout fixes the instant's text: UTC with exactly six fractional
// digits, which both engines store without loss.
const occurredLayout = "2006-01-02T15:04:05.000000Z07:00"

// hashVersion is hashed first so that a later change of encoding can be
// told apart from tampering.
const hashVersion = "accord-audit-v1"

// computeHash returns hex(sha256) of every field but Hash. Each field is
// written as its byte length, a colon, the bytes and a comma, so no two
// different events encode alike however their texts are split.
func (e *Event) computeHash() (string, error) {
	data, err := encodeData(e.Data)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range []string{
		hashVersion,
		strconv.FormatInt(e.Seq, 10),
		e.ID,
		e.EntityType,
		e.EntityID,
		e.Event,
		e.FromState,
		e.ToState,
		e.ActorID,
		e.ActorRole,
		e.Comment,
		e.RequestID,
		data,
		e.OccurredAt.UTC().Format(occurredLayout),
		e.PrevHash,
	} {
		writeField(h, f)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeField(h hash.Hash, s string) {
	h.Write([]byte(strconv.Itoa(len(s))))
	h.Write([]byte{':'})
	h.Write([]byte(s))
	h.Write([]byte{','})
}

// encodeData is the canonical text of Data: encoding/json's output, which
// sorts keys. An empty map counts as none.
func encodeData(d map[string]any) (string, error) {
	if len(d) == 0 {
		return "", nil
	}
	b, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("encode audit data: %w", err)
	}
	return string(b), nil
}

// normaliseData gives d the shape it has after a trip through the
// database — numbers become float64, structs become maps — so the hash
// computed at append equals the one recomputed at verification on either
// engine (PostgreSQL's jsonb rewrites the text it is given).
func normaliseData(d map[string]any) (map[string]any, error) {
	if len(d) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode audit data: %w", err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("normalise audit data: %w", err)
	}
	return out, nil
}

// normaliseTime is the instant as stored: UTC, microseconds.
func normaliseTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
