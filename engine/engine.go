package engine

import (
	"errors"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Options configures an Engine.
type Options struct {
	// Config is the server configuration; zero means DefaultConfig().
	Config *Config
	// DataDir holds dfs:// databases (Pebble); empty with InMemory false
	// means "./porpoise-data".
	DataDir string
	// InMemory keeps dfs:// databases in memory (tests, --in-memory).
	InMemory bool
	// Seed seeds rand() for reproducible scripts; 0 picks a time seed.
	Seed int64
	// Users maps user names to passwords; nil means admin/123456.
	Users map[string]string
}

// Engine is one Porpoise instance: configuration, shared tables,
// databases and background jobs, used by any number of sessions.
type Engine struct {
	cfg   Config
	opts  Options
	users map[string]string

	mu     sync.RWMutex
	shared map[string]value.Value

	jobs *jobRegistry

	store *storage.Store
	dbs   *dfs.Catalog

	nextSession int64
	closed      bool
}

// Open starts an engine.
func Open(opts Options) (*Engine, error) {
	cfg := DefaultConfig()
	if opts.Config != nil {
		cfg = *opts.Config
	}
	users := opts.Users
	if users == nil {
		users = map[string]string{"admin": "123456"}
	}
	e := &Engine{cfg: cfg, opts: opts, users: users, shared: map[string]value.Value{}, jobs: newJobRegistry()}
	if err := e.openStorage(); err != nil {
		return nil, err
	}
	return e, nil
}

// Config returns the engine's configuration.
func (e *Engine) Config() Config { return e.cfg }

// Close waits for background jobs and releases storage.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	e.mu.Unlock()
	e.jobs.wait(30 * time.Second)
	return e.closeStorage()
}

// CheckPassword validates a login.
func (e *Engine) CheckPassword(user, password string) error {
	if p, ok := e.users[user]; ok && p == password {
		return nil
	}
	return errors.New("The user name or password is incorrect.")
}

// Shared returns the shared object registered under name.
func (e *Engine) Shared(name string) (value.Value, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	v, ok := e.shared[name]
	return v, ok
}

func (e *Engine) share(name string, v value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.shared[name] = v
}

func (e *Engine) unshare(name string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, ok := e.shared[name]
	delete(e.shared, name)
	return ok
}
