package engine

import (
	"context"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/catalog"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/value"
)

// DolphinDB's access model applied to sessions: who is logged in, and
// the checks DFS operations and shared tables make. The rules themselves
// are package auth's (auth.Principal); this file finds the objects they
// are about.

// ACL is the engine's store of users, groups and privileges.
func (e *Engine) ACL() *auth.Store { return e.acl }

// openACL opens the access store in the data directory (in memory for an
// in-memory engine), seeded with Options.Users.
func (e *Engine) openACL() error {
	dir := e.opts.DataDir
	if e.opts.InMemory {
		dir = ""
	}
	st, err := auth.Open(auth.Options{Dir: dir, Seed: e.opts.Users, Now: e.Now, Enhanced: e.cfg.EnhancedSecurityVerification})
	if err != nil {
		return err
	}
	attempts := e.cfg.FailedLoginAttempts
	lock := e.cfg.FailedLoginLockTime
	st.SetLockoutRule(attempts, lock)
	e.acl = st
	return nil
}

// remoteIP is the client address for the lockout ("local" for embedded
// sessions).
func (s *Session) remoteIP() string {
	if s.meta.RemoteIP == "" {
		return "local"
	}
	return s.meta.RemoteIP
}

// Logout ends the session's login: it is a guest again.
func (s *Session) Logout() { s.setUser("") }

// principal is the session's user before the access rules (auth.Principal:
// the policy); the methods below find the engine objects a check is about
// and ask it.
func (s *Session) principal() auth.Principal {
	return auth.Principal{Store: s.eng.acl, User: s.user, CatalogOf: s.catalogOf, InView: s.inView.Load() > 0}
}

// RunInView implements viewfuncs.Host.
func (in *interp) RunInView(run func() (value.Value, error)) (value.Value, error) {
	in.s.inView.Add(1)
	defer in.s.inView.Add(-1)
	return run()
}

// catalogOf is the catalog whose schema is the database db, "" when none
// is (or the catalogs can't be read: no CATALOG_ privilege applies).
func (s *Session) catalogOf(db string) string {
	r, err := catalog.Of(&interp{s: s, ctx: context.Background()})
	if err != nil {
		return ""
	}
	return r.CatalogOf(db)
}

func (s *Session) isAdmin() bool { return s.principal().IsAdmin() }

func (s *Session) checkRead() error { return s.principal().CheckRead() }

func (s *Session) checkWrite() error { return s.principal().CheckWrite() }

// checkTableRead checks a read of t; only DFS tables have privileges.
func (s *Session) checkTableRead(t *dfs.Table) error {
	if t == nil || !t.Database().DFS() {
		return nil
	}
	return s.principal().CheckTableRead(t.Database().Path(), t.TableName())
}

// checkTableWrite checks a write of kind (TableInsert, TableUpdate or
// TableDelete) to t: every partitioned table needs a login (in-memory
// ones too, so INSERT INTO, update and delete agree with append!), only
// DFS tables have privileges.
func (s *Session) checkTableWrite(t *dfs.Table, kind auth.Priv) error {
	if err := s.checkWrite(); err != nil || t == nil || !t.Database().DFS() {
		return err
	}
	return s.principal().CheckTableWrite(t.Database().Path(), t.TableName(), kind)
}

func (s *Session) checkCreateDB(path string) error { return s.principal().CheckCreateDB(path) }

func (s *Session) checkDropDB(path string) error { return s.principal().CheckDropDB(path) }

// onDFS is a check of a change to db: every database needs a login,
// only DFS ones have privileges (check, given db's path).
func (s *Session) onDFS(db *dfs.Database, check func(auth.Principal, string) error) error {
	if err := s.checkWrite(); err != nil || !db.DFS() {
		return err
	}
	return check(s.principal(), db.Path())
}

// CheckAlterTable implements dbfuncs.Access and system.Host: what
// changing t's columns or name (or with drop, dropping a column) needs.
func (in *interp) CheckAlterTable(t *dfs.Table, drop bool) error {
	if err := in.s.checkWrite(); err != nil || t == nil || !t.Database().DFS() {
		return err
	}
	return in.s.principal().CheckAlterTable(t.Database().Path(), t.TableName(), drop)
}

// checkScan is the read check of a partitioned table a query reads,
// whichever handle it came through.
func (s *Session) checkScan(t Table) error {
	if p, ok := t.(*ptable); ok {
		return s.checkTableRead(p.Table)
	}
	return nil
}

// sharedTable is the shared object name as the access rules see it; ok
// is false when nothing is shared under name.
func (e *Engine) sharedTable(name string) (auth.SharedTable, bool) {
	o := e.shared.Get(name)
	if o == nil {
		return auth.SharedTable{}, false
	}
	return auth.SharedTable{Name: name, Owner: o.Owner, Controlled: o.Controlled.Load()}, true
}

// checkSharedAccess checks a read or write of the shared table name.
func (s *Session) checkSharedAccess(name string, write bool) error {
	t, ok := s.eng.sharedTable(name)
	if !ok {
		return nil
	}
	return s.principal().CheckSharedAccess(t, write)
}

// checkUnshare lets only the creator or an administrator undefine a
// shared object.
func (s *Session) checkUnshare(name string) error {
	t, ok := s.eng.sharedTable(name)
	if !ok || s.principal().ManagesShared(t.Owner) {
		return nil
	}
	return auth.ErrNoSharedAccess(name)
}
