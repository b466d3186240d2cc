package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/seal"
	"github.com/accord-coalition/accord/internal/store"
)

const (
	// HeaderIdempotencyKey carries the client's key on a POST.
	HeaderIdempotencyKey = "Idempotency-Key"
	// HeaderIdempotentReplayed marks an answer that was stored, not made anew.
	HeaderIdempotentReplayed = "Idempotent-Replayed"

	idempotencyTTL = 24 * time.Hour
	// A request whose answer was never stored (the server stopped while
	// handling it) frees its key after this long rather than after a day.
	idempotencyAbandoned = 5 * time.Minute
	maxIdempotencyKey    = 255
	// Larger answers are not stored; a retry then acts again.
	maxReplayBytes = 1 << 20
	pruneEvery     = 10 * time.Minute
)

// idempotency makes a POST with an Idempotency-Key act at most once per
// owner and key within 24 hours: a repeat gets the first answer back.
type idempotency struct {
	db    *store.DB
	seal  *seal.Sealer
	now   func() time.Time
	log   *slog.Logger
	mu    sync.Mutex
	prune time.Time // when old keys were last deleted
}

func newIdempotency(db *store.DB, secret []byte, now func() time.Time, log *slog.Logger) *idempotency {
	return &idempotency{db: db, seal: newSealer(secret, log), now: now, log: log}
}

func (i *idempotency) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		key := c.Request().Header.Get(HeaderIdempotencyKey)
		if key == "" {
			return next(c)
		}
		if err := checkIdempotencyKey(key); err != nil {
			return err
		}
		r := c.Request()
		body, err := io.ReadAll(r.Body)
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return tooLarge(mbe.Limit)
			}
			return &accord.Error{Kind: accord.KindBadRequest, Message: "The request body could not be read.", Err: err}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sum := sha256.Sum256(body)

		owner := actor(c).UserID
		if owner == "" {
			owner = "anon:" + clientAddr(c)
		}
		rec := &idempotencyRecord{
			Owner:       owner,
			Key:         key,
			Method:      r.Method,
			Path:        r.URL.Path,
			RequestHash: hex.EncodeToString(sum[:]),
			CreatedAt:   i.now().UTC().Truncate(time.Microsecond),
		}
		// The key's bookkeeping must finish even if the client goes away.
		ctx := context.WithoutCancel(r.Context())
		i.pruneOld(ctx)
		prior, err := i.claim(ctx, rec)
		if err != nil {
			return err
		}
		if prior != nil {
			return i.replay(c, prior, rec)
		}
		return i.handleAndStore(ctx, c, rec, next)
	}
}

// checkIdempotencyKey accepts up to 255 printable ASCII characters, which
// covers UUIDs and every token format clients use.
func checkIdempotencyKey(key string) error {
	bad := func(msg string) error {
		return &accord.Error{Kind: accord.KindBadRequest, Message: "Idempotency-Key " + msg + ".",
			Fields: []accord.FieldError{accord.Field(HeaderIdempotencyKey, msg)}}
	}
	if len(key) > maxIdempotencyKey {
		return bad("must be at most 255 characters")
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x20 || key[i] > 0x7e {
			return bad("must be printable ASCII")
		}
	}
	return nil
}

// replay answers with the stored first response, or says why it cannot.
func (i *idempotency) replay(c echo.Context, prior, rec *idempotencyRecord) error {
	if prior.Method != rec.Method || prior.Path != rec.Path || prior.RequestHash != rec.RequestHash {
		return accord.Invalid("This Idempotency-Key was already used for a different request; use a new key for a new request.",
			accord.Field(HeaderIdempotencyKey, "already used for a different request"))
	}
	if prior.Status == 0 {
		return accord.Conflict("A request with this Idempotency-Key is still being processed; retry in a moment.")
	}
	body, err := i.seal.Open(prior.Body, nil)
	if err != nil {
		// Sealed under another secret key: the stored answer is lost, but
		// the request was handled, so acting again would be wrong.
		return accord.Conflict("This Idempotency-Key was already used, and its answer can no longer be replayed; use a new key.")
	}
	c.Response().Header().Set(HeaderIdempotentReplayed, "true")
	if prior.ContentType == "" {
		return c.NoContent(prior.Status)
	}
	return c.Blob(prior.Status, prior.ContentType, body)
}

// handleAndStore runs the handler with its answer captured and stores the
// answer under the claimed key. Errors are rendered here, so a 4xx answer
// is replayed like any other; a 5xx is not stored, because a retry of a
// failure the server caused should be tried again.
func (i *idempotency) handleAndStore(ctx context.Context, c echo.Context, rec *idempotencyRecord, next echo.HandlerFunc) error {
	res := c.Response()
	orig := res.Writer
	capture := &captureWriter{ResponseWriter: orig}
	res.Writer = capture
	finished := false
	defer func() {
		res.Writer = orig
		if !finished { // a panic is on its way up
			i.release(ctx, rec)
		}
	}()
	if err := next(c); err != nil {
		c.Error(err)
	}
	finished = true
	if !res.Committed || res.Status >= http.StatusInternalServerError || capture.overflow {
		i.release(ctx, rec)
		return nil
	}
	sealed, err := i.seal.Seal(capture.buf.Bytes(), nil)
	if err == nil {
		err = i.complete(ctx, rec, res.Status, res.Header().Get(echo.HeaderContentType), sealed)
	}
	if err != nil {
		i.log.Error("store idempotent response", "request_id", requestIDOf(c), "error", err)
		i.release(ctx, rec)
	}
	return nil
}

// captureWriter passes a response through and keeps a copy of its body.
type captureWriter struct {
	http.ResponseWriter
	buf      bytes.Buffer
	overflow bool
}

func (w *captureWriter) Write(b []byte) (int, error) {
	if !w.overflow {
		if w.buf.Len()+len(b) > maxReplayBytes {
			w.overflow = true
			w.buf = bytes.Buffer{}
		} else {
			w.buf.Write(b)
		}
	}
	return w.ResponseWriter.Write(b)
}

func (w *captureWriter) Flush() { _ = http.NewResponseController(w.ResponseWriter).Flush() }

func (w *captureWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
