package workflow

import (
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/accord-coalition/accord/internal/store"
)

// TransitionsMetric is the name under which the server exports the count
// of fired transitions, labelled by machine and event.
const TransitionsMetric = "accord_workflow_transitions_total"

// Engine fires transitions of the machines registered with it.
type Engine struct {
	db      *store.DB
	now     func() time.Time
	log     *slog.Logger
	batch   int
	counted func(machine, event string)

	mu       sync.RWMutex
	machines map[string]*Machine
}

// Option configures an Engine.
type Option func(*Engine)

// WithClock replaces time.Now, so tests move deadlines without sleeping.
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// WithLogger sets the logger; the default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(e *Engine) { e.log = l } }

// WithBatchSize sets how many due rows Tick reads per page (default 100).
func WithBatchSize(n int) Option {
	return func(e *Engine) {
		if n > 0 {
			e.batch = n
		}
	}
}

// WithTransitionCounter is called once for every transition fired, with
// the machine's name and the event; the server increments
// TransitionsMetric from it. It runs inside the caller's transaction, so
// it also counts transitions whose transaction is later rolled back.
func WithTransitionCounter(inc func(machine, event string)) Option {
	return func(e *Engine) { e.counted = inc }
}

// New returns an engine on db with no machines.
func New(db *store.DB, opts ...Option) *Engine {
	e := &Engine{
		db:       db,
		now:      time.Now,
		log:      slog.Default(),
		batch:    100,
		counted:  func(string, string) {},
		machines: map[string]*Machine{},
	}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Register adds machines. A malformed table, an event without its rule, a
// rule for no event or a second machine of one name is a programming
// error, found at start rather than on the first request: Register
// refuses them all with one error and registers none.
func (e *Engine) Register(machines ...*Machine) error {
	var errs []error
	for _, m := range machines {
		if err := m.Check(); err != nil {
			errs = append(errs, err)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	seen := map[string]bool{}
	for _, m := range machines {
		if _, dup := e.machines[m.Name]; dup || seen[m.Name] {
			errs = append(errs, fmt.Errorf("workflow: machine %q registered twice", m.Name))
		}
		seen[m.Name] = true
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, m := range machines {
		e.machines[m.Name] = m
	}
	return nil
}

// Machines returns the registered machines ordered by name.
func (e *Engine) Machines() []*Machine {
	e.mu.RLock()
	defer e.mu.RUnlock()
	ms := make([]*Machine, 0, len(e.machines))
	for _, m := range e.machines {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
	return ms
}

// Machine returns the registered machine called name, or nil.
func (e *Engine) Machine(name string) *Machine {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.machines[name]
}

// checkRegistered refuses machines that skipped Register's validation.
func (e *Engine) checkRegistered(m *Machine) error {
	if m == nil || e.Machine(m.Name) != m {
		name := "<nil>"
		if m != nil {
			name = m.Name
		}
		return fmt.Errorf("workflow: machine %q is not registered with this engine", name)
	}
	return nil
}

// clock is the engine's now as stored: UTC, microseconds.
func (e *Engine) clock() time.Time { return e.now().UTC().Truncate(time.Microsecond) }
