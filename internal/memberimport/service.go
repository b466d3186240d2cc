package memberimport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// EventUploaded is the first event of an import's timeline.
const EventUploaded = "uploaded"

// Config is what the service needs beyond its collaborators.
type Config struct {
	Now    func() time.Time
	Logger *slog.Logger
}

// Service holds the rules of member imports. Every method takes the
// acting user, asks the Authorizer, and owns its transaction.
type Service struct {
	db      *store.DB
	engine  *workflow.Engine
	authz   *auth.Authorizer
	now     func() time.Time
	log     *slog.Logger
	imports *workflow.Machine
}

// NewService builds the service and registers its policy with authz. The
// caller registers Machines() with engine.
func NewService(db *store.DB, engine *workflow.Engine, authz *auth.Authorizer, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Service{db: db, engine: engine, authz: authz, now: cfg.Now, log: cfg.Logger}
	s.imports = s.importMachine()
	authz.Register(KindImport, ImportPolicy)
	return s
}

// Machines returns the import machine with its rules attached.
func (s *Service) Machines() []*workflow.Machine { return []*workflow.Machine{s.imports} }

// Upload is a file as the secretariat sent it. Operator names the
// operating-system account when the command line imports.
type Upload struct {
	Filename string
	Data     []byte
	Operator string
}

// MayImport reports, as an error, whether actor may upload member lists:
// pages ask it before showing the upload form.
func (s *Service) MayImport(ctx context.Context, actor accord.Actor) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return s.authz.Check(ctx, actor, KindImport, auth.ActionCreate, nil)
}

// Preview reads and checks an uploaded member list and keeps it, with the
// file, as an import in state previewed. Nothing is imported yet.
func (s *Service) Preview(ctx context.Context, actor accord.Actor, up Upload) (*View, error) {
	if err := s.MayImport(ctx, actor); err != nil {
		return nil, err
	}
	if len(up.Data) > MaxFileBytes {
		return nil, accord.Errorf(accord.KindTooLarge, "The file is larger than 10 MB: split it in parts and import each.")
	}
	sh, err := readSheet(up.Data)
	if err != nil {
		return nil, err
	}
	if sh.Header == nil {
		return nil, accord.Invalid("the file has no header row", accord.Field("file", "no header row"))
	}
	l, err := readHeader(sh.Header)
	if err != nil {
		return nil, err
	}
	cs, err := loadCountries(ctx, s.db)
	if err != nil {
		return nil, err
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	rows, errs := checkRows(sh, l, cs, now)
	dups, err := findDuplicates(ctx, s.db.WithContext(ctx), rows)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(up.Data)
	im := &Import{
		ID: uuid.NewString(), State: StatePreviewed, Version: 1,
		Filename: cleanFilename(up.Filename, sh.Format), Format: sh.Format, Encoding: sh.Encoding,
		Size: int64(len(up.Data)), SHA256: hex.EncodeToString(sum[:]),
		RowCount: len(rows), ValidCount: countValid(rows),
		Preview:   Preview{Columns: l.columns(), Ignored: l.ignored, Rows: rows, Errors: errs, Duplicates: dups},
		CreatedAt: now, UpdatedAt: now,
	}
	if actor.UserID != "" {
		im.UploadedBy = &actor.UserID
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(im).Error; err != nil {
			return fmt.Errorf("insert member import: %w", err)
		}
		if err := tx.Create(&importFile{ImportID: im.ID, Data: up.Data}).Error; err != nil {
			return fmt.Errorf("insert member import file: %w", err)
		}
		return audit.Append(ctx, tx, &audit.Event{
			EntityType: KindImport, EntityID: im.ID, Event: EventUploaded, ToState: StatePreviewed,
			ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID,
			Data:       s.source(im, up.Operator),
			OccurredAt: now,
		})
	})
	if err != nil {
		return nil, fmt.Errorf("keep member import: %w", err)
	}
	s.log.InfoContext(ctx, "member list previewed", "import_id", im.ID, "rows", im.RowCount,
		"valid", im.ValidCount, "duplicates", len(dups), "by", actor.UserID)
	return s.viewOf(ctx, s.db.WithContext(ctx), actor, im), nil
}

// source is what the audit events of an import say of its file.
func (s *Service) source(im *Import, operator string) map[string]any {
	data := map[string]any{"import_id": im.ID, "filename": im.Filename, "sha256": im.SHA256, "rows": im.RowCount}
	if operator != "" {
		data["channel"], data["operator"] = "cli", operator
	}
	return data
}

// Get returns one import with its counts, errors and duplicates.
func (s *Service) Get(ctx context.Context, actor accord.Actor, id string) (*View, error) {
	v, _, err := s.GetWithRows(ctx, actor, id)
	return v, err
}

// GetWithRows also returns every row as read, for the preview table.
func (s *Service) GetWithRows(ctx context.Context, actor accord.Actor, id string) (*View, []Row, error) {
	db, im, err := s.read(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	return s.viewOf(ctx, db, actor, im), im.Preview.Rows, nil
}

// File returns an import's file as uploaded, with its name.
func (s *Service) File(ctx context.Context, actor accord.Actor, id string) (*Import, []byte, error) {
	db, im, err := s.read(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	var f importFile
	if err := db.Take(&f, "import_id = ?", im.ID).Error; err != nil {
		return nil, nil, fmt.Errorf("read member import file %s: %w", im.ID, err)
	}
	return im, f.Data, nil
}

// Fire applies or discards an import. Applying creates every valid row
// that matches no organisation in Accord, in the transaction of the
// transition; afterwards the loaded tables' statistics are refreshed.
func (s *Service) Fire(ctx context.Context, actor accord.Actor, id string, in workflow.TransitionInput) (*View, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if s.db.IsPostgres() && strings.TrimSpace(in.Event) == EventApply {
			// Two applies at once would each find the other's rows
			// absent and create them twice: they take turns. Uploads
			// wait for an apply too, which is short.
			if err := tx.Exec("LOCK TABLE member_imports IN SHARE ROW EXCLUSIVE MODE").Error; err != nil {
				return fmt.Errorf("lock member imports: %w", err)
			}
		}
		im, err := s.visible(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindImport, ActionTransition, im); err != nil {
			return err
		}
		if err := in.Check(); err != nil {
			return err
		}
		_, err = s.engine.Fire(ctx, tx, s.imports, actor, im.WorkflowSubject(), in.Request())
		return err
	})
	if err != nil {
		return nil, err
	}
	v, err := s.Get(ctx, actor, id)
	if err == nil && v.State == StateApplied && v.CreatedCount > 0 {
		analyze(ctx, s.db, s.log, "organizations", "memberships")
	}
	return v, err
}

// History is the import's timeline: uploaded, then applied or discarded.
func (s *Service) History(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	db, im, err := s.read(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	events, err := workflow.History(ctx, db, s.imports, im.ID, true)
	if err != nil {
		return nil, fmt.Errorf("member import history: %w", err)
	}
	return workflow.Entries(s.imports, events, workflow.EntryOptions{Staff: true, Data: true}), nil
}

// read loads, outside a transaction, an import a signed-in actor may
// read; otherwise it is not found.
func (s *Service) read(ctx context.Context, actor accord.Actor, id string) (*gorm.DB, *Import, error) {
	if err := signedIn(actor); err != nil {
		return nil, nil, err
	}
	db := s.db.WithContext(ctx)
	im, err := s.visible(ctx, db, actor, id)
	return db, im, err
}

// visible loads an import the actor may read; otherwise it is not found.
func (s *Service) visible(ctx context.Context, db *gorm.DB, actor accord.Actor, id string) (*Import, error) {
	subj, err := s.imports.Load(ctx, db, id)
	if err != nil {
		return nil, err
	}
	im := subj.Value.(*Import)
	if err := s.authz.Check(ctx, actor, KindImport, auth.ActionRead, im); err != nil {
		return nil, err
	}
	return im, nil
}

func (s *Service) viewOf(ctx context.Context, db *gorm.DB, actor accord.Actor, im *Import) *View {
	v := im.view()
	v.AllowedEvents = s.engine.Allowed(ctx, db, s.imports, actor, im.WorkflowSubject())
	if v.AllowedEvents == nil {
		v.AllowedEvents = []string{}
	}
	return v
}

// signedIn refuses the public.
func signedIn(actor accord.Actor) error {
	if actor.Public() {
		return accord.Errorf(accord.KindUnauthenticated, "sign in first")
	}
	return nil
}

func countValid(rows []Row) int {
	n := 0
	for i := range rows {
		if rows[i].Valid {
			n++
		}
	}
	return n
}

// columns lists the columns found, in the file's order.
func (l layout) columns() []string {
	out := make([]string, 0, len(l.index))
	for col := range l.index {
		out = append(out, col)
	}
	slices.SortFunc(out, func(a, b string) int { return l.index[a] - l.index[b] })
	return out
}

// cleanFilename keeps the last part of the name a browser sent, at most
// 150 characters; a file without one is named by its format.
func cleanFilename(name, format string) string {
	name = strings.TrimSpace(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if name == "" || name == "." || name == "/" {
		return "members." + format
	}
	if utf8.RuneCountInString(name) > 150 {
		name = string([]rune(name)[:150])
	}
	return name
}
