package engine

import (
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/filehome"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/logging"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/partfn"
	"github.com/porpoisedb/porpoise/sharedobj"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Options configures an Engine.
type Options struct {
	// Config is the server configuration; zero means config.Default().
	Config *config.Config
	// DataDir holds dfs:// databases (Pebble). Empty keeps them in
	// memory, so the zero Options is an in-memory engine that writes
	// nothing to disk.
	DataDir string
	// InMemory keeps dfs:// databases in memory; it is implied by an empty
	// DataDir, and setting it together with DataDir is an error.
	InMemory bool
	// Seed seeds rand() for reproducible scripts; 0 picks a time seed.
	// Each session's generator is seeded from it and the session's number,
	// so the same sessions opened in the same order draw the same values.
	Seed int64
	// Now is the clock of now() and today(); nil is time.Now. Tests use it
	// (or SetNow) to pin the date.
	Now func() time.Time
	// Users seeds the access store: these users (name to password) are
	// created when they don't exist yet. admin always exists, with
	// password 123456 unless Users says otherwise; users and their
	// privileges persist in DataDir.
	Users map[string]string
	// Log is the server log writeLog, writeLogLevel, setLogLevel and
	// cleanOutdateLogFiles use (the server's log file); nil sends
	// writeLog's lines to slog.Default() (see logging.Slog).
	Log logging.Log
}

// Engine is one Porpoise instance: configuration, shared tables,
// databases and background jobs, used by any number of sessions.
type Engine struct {
	cfg  config.Config
	opts Options
	// acl holds users, groups and privileges (privileges.go); logins
	// counts the sessions logged in as each user.
	acl    *auth.Store
	logins auth.Logins

	mu     sync.RWMutex
	shared sharedobj.Catalog

	// jobs lists the open sessions, their running requests and the
	// background jobs, whose goroutines it owns (session_registry.go).
	jobs *jobs.Registry
	// limits are the run-time memory and connection limits (limits.go).
	limits *memlimit.Limits

	store *storage.Store
	dbs   *dfs.Catalog

	nextSession int64
	closed      bool

	// clock and seed are read by every session; tests change them while
	// sessions run (SetNow, SetSeed).
	clock atomic.Pointer[func() time.Time]
	seed  atomic.Int64

	// home is the file functions' directory.
	home filehome.Home

	// ext is the state packages outside engine keep for it (admin_host.go);
	// site is where the server announced it listens (cluster_funcs.go).
	ext  extStates
	site atomic.Pointer[func() funcs.Site]

	// mods are the modules loaded (modules.go).
	mods modules.Registry
}

// Open starts an engine. A data directory can be open in one engine at
// a time; a second Open of it fails with an error that says it is locked
// by another porpoise.
func Open(opts Options) (*Engine, error) {
	if opts.InMemory && opts.DataDir != "" {
		return nil, fmt.Errorf("engine: InMemory and DataDir %q are both set; choose one", opts.DataDir)
	}
	if opts.DataDir == "" {
		opts.InMemory = true
	}
	cfg := config.Default()
	if opts.Config != nil {
		cfg = *opts.Config
	}
	if opts.Log == nil {
		opts.Log = logging.Slog(slog.Default(), nil)
	}
	e := &Engine{cfg: cfg, opts: opts, limits: memlimit.FromConfig(cfg)}
	e.home.DataDir = opts.DataDir
	e.jobs = jobs.NewRegistry(e.Now)
	e.SetNow(opts.Now)
	e.seed.Store(opts.Seed)
	if err := e.openStorage(); err != nil {
		// Pebble reports a LOCK file held by another process as the bare
		// errno, and one held in this process by an unexported text; say
		// what either means for a user who started a second server on the
		// same directory.
		if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) || strings.Contains(err.Error(), "lock held by current process") {
			return nil, fmt.Errorf("data directory %s is locked by another porpoise (or another process using it): %w", opts.DataDir, err)
		}
		return nil, err
	}
	if err := errors.Join(e.jobs.OpenRecords(e.opts.DataDir, e.cfg.ResourceSamplingInterval), e.openBatchJobDir()); err != nil {
		_ = e.closeStorage()
		return nil, err
	}
	if err := e.openACL(); err != nil {
		_ = e.closeStorage()
		return nil, err
	}
	if err := e.startExtensions(); err != nil {
		_ = e.closeStorage()
		return nil, err
	}
	if err := e.openModules(); err != nil {
		_ = e.Close()
		return nil, err
	}
	return e, nil
}

// SetNow replaces the clock of now() and today() for every session; nil
// restores time.Now.
func (e *Engine) SetNow(now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	e.clock.Store(&now)
}

// Now is the engine's current time (see Options.Now).
func (e *Engine) Now() time.Time { return (*e.clock.Load())() }

// SetSeed changes the seed of rand() for sessions opened from now on; 0
// picks a time seed (see Options.Seed).
func (e *Engine) SetSeed(seed int64) { e.seed.Store(seed) }

// StorageStats are the storage engine's figures (for /metrics).
func (e *Engine) StorageStats() (storage.Stats, error) { return e.store.Stats() }

// Config returns the engine's configuration.
func (e *Engine) Config() config.Config { return e.cfg }

// Close waits for background jobs and releases storage.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	e.mu.Unlock()
	e.closeExtensions()
	e.jobs.Close(30 * time.Second)
	e.home.Close()
	return e.closeStorage()
}

// CheckPassword validates a login from an embedded caller (no client
// address: failures count towards the lockout of address "local").
func (e *Engine) CheckPassword(user, password string) error {
	if err := e.acl.Authenticate(user, password, "local"); err != nil {
		return ddberr.Wrap(err)
	}
	return nil
}

// wrapError makes a session's error the *ddberr.Error the wire client
// returns for the same failure, so embedded and remote callers can use
// errors.As alike.
func wrapError(err *error) { *err = ddberr.Wrap(*err) }

// Shared returns the shared object registered under name.
func (e *Engine) Shared(name string) (value.Value, bool) { return e.shared.Value(name) }

// openBatchJobDir points the job registry at batchJobDir: the configured
// directory, else <data-dir>/batchJobs (DolphinDB's <HomeDir>/batchJobs);
// an in-memory engine keeps job files in a temporary directory that Close
// removes.
func (e *Engine) openBatchJobDir() error {
	dir := e.cfg.BatchJobDir
	if dir == "" && !e.opts.InMemory {
		dir = filepath.Join(e.opts.DataDir, "batchJobs")
	}
	if dir == "" {
		return nil
	}
	retention := time.Duration(e.cfg.BatchJobFileRetentionTime * float64(24*time.Hour))
	return e.jobs.SetBatchJobDir(dir, retention)
}

// openStorage attaches the Pebble store that holds dfs:// databases and
// reads their catalog.
func (e *Engine) openStorage() error {
	st, err := storage.Open(storage.Options{Dir: e.opts.DataDir, InMemory: e.opts.InMemory})
	if err != nil {
		return fmt.Errorf("open storage: %w", err)
	}
	cat, err := dfs.Open(st, dfs.Config{
		NewValuePartitionPolicy:             e.cfg.NewValuePartitionPolicy,
		AllowMissingPartitions:              e.cfg.AllowMissingPartitions,
		EnableInsertStatementForDFSTable:    e.cfg.EnableInsertStatementForDFSTable,
		IgnoreSpecialCharacterInPartitionId: e.cfg.IgnoreSpecialCharacterInPartitionId,
		EnableNullSafeJoin:                  e.cfg.EnableNullSafeJoin,
		PartitionFunc:                       partfn.Compiler(func() partfn.Session { return e.NewSession() }),
	})
	if err != nil {
		st.Close()
		return err
	}
	e.store = st
	e.dbs = cat
	return nil
}

func (e *Engine) closeStorage() error {
	if e.store == nil {
		return nil
	}
	return e.store.Close()
}
