package engine

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/defcheck"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/sharedobj"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/modules"
	"github.com/porpoisedb/porpoise/readonly"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Session is one user's interpreter state: variables, login, output. A
// session runs one script at a time.
type Session struct {
	eng  *Engine
	id   int64
	vars map[string]value.Value
	defs map[string]*userFunc
	// classes are the script classes the session defined (classes.go).
	classes oop.Classes
	// used are the modules the session's use statements imported.
	used []*modules.Module

	mu   sync.Mutex
	user string
	out  io.Writer
	rng  *rand.Rand

	// meta is where the session comes from (fixed when it opens); reg is
	// what the engine's session registry lists and other sessions read:
	// the user, the running request, the memory estimate
	// (session_registry.go).
	meta SessionMeta
	reg  *jobs.Session

	// held are the shared objects whose lock the running statement holds,
	// scans what statements' text says about their locks (shared_lock.go).
	held  sharedobj.Held
	scans sharedobj.Scans
	// funcsGen counts the changes of defs and used (planScope.Gen).
	funcsGen uint64
	// ro are the session's const variables.
	ro readonly.Names
	// inView counts the function views running with their rights.
	inView atomic.Int32
}

// NewSession opens a session. Embedded sessions are logged in as admin;
// the wire server opens them with NewGuestSession.
func (e *Engine) NewSession() *Session {
	s := e.NewGuestSession()
	s.setUser(auth.SuperAdmin)
	return s
}

// NewGuestSession opens a session that has not logged in yet. It is
// listed by getSessionMemoryStat until Close (or until it is collected).
func (e *Engine) NewGuestSession() *Session {
	s := e.newSession()
	e.jobs.Add(s.reg)
	return s
}

// newSession makes a session without registering it (submitJob's
// background sessions are listed as jobs, not sessions).
func (e *Engine) newSession() *Session {
	id := atomic.AddInt64(&e.nextSession, 1)
	seed := e.seed.Load()
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	// closing drops the login by id: the registry must not refer to the
	// session itself, or it would keep it alive
	reg := e.jobs.NewSession(id, func() { e.logins.Drop(id) })
	return &Session{
		eng:  e,
		id:   id,
		vars: map[string]value.Value{},
		defs: map[string]*userFunc{},
		out:  io.Discard,
		rng:  rand.New(rand.NewPCG(uint64(seed), uint64(seed)^uint64(id)*0x9e3779b97f4a7c15)),

		meta: SessionMeta{ID: id},
		reg:  reg,
	}
}

// ID is the session id.
func (s *Session) ID() int64 { return s.id }

// Engine returns the session's engine.
func (s *Session) Engine() *Engine { return s.eng }

// User is the logged-in user ("" before login).
func (s *Session) User() string { return s.user }

// Login checks the password and marks the session as that user,
// recording the login (encrypted: the client sent the credentials
// encrypted) in the ACL audit trail.
func (s *Session) Login(user, password string, encrypted bool) error {
	if err := s.eng.acl.Authenticate(user, password, s.remoteIP()); err != nil {
		return ddberr.Wrap(err)
	}
	audit.LoggedIn(s.reg.AuditContext(context.Background()), user, encrypted)
	s.setUser(user)
	return nil
}

// setUser changes the logged-in user.
func (s *Session) setUser(user string) {
	if s.eng.logins.Set(s.id, user) {
		// the registry holds ids only; a session collected unclosed drops its own
		runtime.AddCleanup(s, s.eng.logins.Drop, s.id)
	}
	s.user = user
	s.reg.SetUser(user)
}

// SetOutput sets where print() writes (the wire server sends it as MSG).
func (s *Session) SetOutput(w io.Writer) { s.out = w }

// Run parses and executes a script and returns the value of its last
// statement (nil when it has none) or DolphinDB's error.
func (s *Session) Run(script string) (value.Value, error) {
	return s.RunContext(context.Background(), script)
}

// RunContext is Run with a context: cancellation stops loops between
// statements. Errors are *ddberr.Error values, as over the wire. The
// script is parsed in the SQL dialect ctx carries (sqlparse.WithDialect).
func (s *Session) RunContext(ctx context.Context, script string) (v value.Value, err error) {
	defer wrapError(&err)
	s.mu.Lock()
	defer s.mu.Unlock()
	prog, err := sqlparse.ParseWith(script, sqlparse.Options{IsFunction: s.isFunction, Dialect: sqlparse.DialectFrom(ctx)})
	if err != nil {
		return nil, err
	}
	if err := defcheck.Script(prog.Stmts); err != nil {
		return nil, err
	}
	ctx, end := s.begin(ctx, "script", script)
	defer end(&err)
	defer recoverError(&err)
	if name := modules.Declared(prog.Stmts); name != "" {
		return nil, s.runModule(name, script)
	}
	in := &interp{s: s, ctx: ctx, frame: s.vars, ro: &s.ro}
	return in.execTop(prog.Stmts)
}

// Call runs a function by name (a built-in, a user function, or a partial
// application written as text such as `tableInsert{"t"}`) with arguments,
// as a wire "function" request does.
func (s *Session) Call(fn string, args ...value.Value) (v value.Value, err error) {
	return s.CallContext(context.Background(), fn, args...)
}

// CallContext is Call with a context. Errors are *ddberr.Error values.
func (s *Session) CallContext(ctx context.Context, fn string, args ...value.Value) (v value.Value, err error) {
	defer wrapError(&err)
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx, end := s.begin(ctx, "function", fn)
	defer end(&err)
	defer recoverError(&err)
	in := &interp{s: s, ctx: ctx, frame: s.vars, ro: &s.ro}
	expr, err := sqlparse.ParseExpr(fn)
	if err != nil {
		return nil, err
	}
	// A plain name that is neither a variable nor a function gets the text
	// DolphinDB gives a function call request, not the script parser's.
	if id, ok := expr.(*ast.Ident); ok {
		if _, isVar := in.Var(id.Name); !isVar && in.function(id.Name) == nil {
			return nil, funcs.UnknownFunction(id.Name)
		}
	}
	f, err := in.eval(expr)
	if err != nil {
		return nil, err
	}
	callee, ok := f.(Function)
	if !ok {
		return nil, ddberr.Errorf("Can't recognize function name %s", fn)
	}
	// The handles among args are found by identity; one an argument names
	// as a variable (tableInsert("ipc_t", ...)) is added here.
	p, vals := in.planLocks(expr)
	for _, a := range args {
		if name, ok := funcs.StringArg(a); ok {
			vals = sharedobj.AppendHeld(vals, in.frame[name])
		}
	}
	release, err := s.lockObjects(p.Names, append(vals, args...), p.Write || sharedobj.IsWritingFunc(fn))
	if err != nil {
		return nil, err
	}
	defer release()
	return in.call(callee, args, nil)
}

// Set assigns session variables (a wire "variable" upload).
func (s *Session) Set(name string, v value.Value) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.vars[name] = v
}

// Get reads a session variable or shared object.
func (s *Session) Get(name string) (value.Value, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.vars[name]; ok {
		return v, true
	}
	return s.eng.Shared(name)
}

// VarNames lists the session's variables (not shared objects), unordered.
func (s *Session) VarNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.vars))
	for n := range s.vars {
		names = append(names, n)
	}
	return names
}

// Undef removes session variables; names that are not defined are
// ignored. The wire server uses it for the clear-memory request flag,
// which drops the variables a request created.
func (s *Session) Undef(names ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range names {
		delete(s.vars, n)
	}
}

// TableInsert appends data to a table as tableInsert(target, args...)
// does, skipping the parser; target is a table value or a table name.
func (s *Session) TableInsert(target value.Value, args ...value.Value) (int, error) {
	v, err := s.Call("tableInsert", append([]value.Value{target}, args...)...)
	if err != nil {
		return 0, err
	}
	n, _ := v.(*value.Scalar).Int64()
	return int(n), nil
}

// Append appends a table to a table as append! does.
func (s *Session) Append(target, data value.Value) error {
	_, err := s.Call("append!", target, data)
	return err
}

// Upsert applies upsert!(target, data, ignoreNull, keyColNames).
func (s *Session) Upsert(target, data value.Value, ignoreNull bool, keyCols ...string) error {
	args := []value.Value{target, data, value.NewBool(ignoreNull)}
	if len(keyCols) > 0 {
		args = append(args, value.NewStrings(value.String, keyCols))
	}
	_, err := s.Call("upsert!", args...)
	return err
}

// recoverError turns a Go runtime panic from a bug into an error, so a bad
// script never kills the server.
func recoverError(err *error) {
	if r := recover(); r != nil {
		if refused, ok := r.(value.AllocRefused); ok {
			*err = refused.Err // a vector beyond the machine's memory
			return
		}
		*err = fmt.Errorf("internal error: %v", r)
	}
}

// isFunction reports whether name is a built-in, one of the session's
// function definitions or a function of a module it imported, for calls
// written without parentheses.
func (s *Session) isFunction(name string) bool {
	if _, ok := s.defs[name]; ok {
		return true
	}
	if _, ok := funcs.Lookup(name); ok {
		return true
	}
	m, err := modules.Pick(s.used, name)
	return m != nil || err != nil
}
