package engine

import (
	"runtime"
	"sort"
	"sync"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
)

// DolphinDB's access model (package auth) applied to sessions: who is
// logged in, and the checks DFS operations and shared tables make.

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

// logins records which user each session is logged in as, by session
// id (isLoggedIn, getAuthenticatedUsers). It must not keep sessions alive
// (the session registry drops embedded sessions that are garbage): Close
// drops the entry, and so does a cleanup when the session is collected
// unclosed.
type logins struct {
	mu sync.Mutex
	by map[int64]string
}

func (l *logins) set(s *Session, user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if user == "" {
		delete(l.by, s.id)
		return
	}
	if l.by == nil {
		l.by = map[int64]string{}
	}
	if _, ok := l.by[s.id]; !ok {
		runtime.AddCleanup(s, l.dropID, s.id)
	}
	l.by[s.id] = user
}

func (l *logins) drop(s *Session) { l.dropID(s.id) }

func (l *logins) dropID(id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.by, id)
}

func (l *logins) has(user string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, u := range l.by {
		if u == user {
			return true
		}
	}
	return false
}

func (l *logins) users() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	seen := map[string]bool{}
	out := []string{}
	for _, u := range l.by {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out
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

// ScramFirst is the first step of a SCRAM login (scramClientFirst).
func (s *Session) ScramFirst(user, clientNonce string) (string, int, string, error) {
	return s.eng.acl.ScramFirst(user, clientNonce)
}

// ScramFinal checks a SCRAM proof and logs the session in as user; it
// returns the server signature (scramClientFinal).
func (s *Session) ScramFinal(user, combined, proof string) (string, error) {
	sig, err := s.eng.acl.ScramFinal(user, combined, proof, s.remoteIP())
	if err != nil {
		return "", err
	}
	s.setUser(user)
	return sig, nil
}

func (s *Session) isAdmin() bool { return s.user != "" && s.eng.acl.IsAdmin(s.user) }

// requireAdmin refuses fn to non-administrators with DolphinDB's text.
func (s *Session) requireAdmin(fn string) error {
	if s.isAdmin() {
		return nil
	}
	return ddberr.Errorf("Only administrators execute function %s", fn)
}

// checkRead refuses database reads before login.
func (s *Session) checkRead() error {
	if s.user == "" {
		return ddberr.Errorf("<NotAuthenticated>Not granted to read data. Please login first.")
	}
	return nil
}

// checkWrite refuses writes to databases before login.
func (s *Session) checkWrite() error {
	if s.user == "" {
		return ddberr.Errorf("<NotAuthenticated>Not granted to write data to the table. Please login first.")
	}
	return nil
}

// ownsDB reports whether the user created db and still holds DB_OWNER
// for it: the owner of a database manages it.
func (s *Session) ownsDB(db string) bool {
	return s.eng.acl.DBOwner(db) == s.user && s.eng.acl.Allowed(s.user, auth.Target{Priv: auth.DBOwner, Obj: db})
}

// dbManager reports whether the user may manage db's tables: DB_MANAGE on
// it, or its owner.
func (s *Session) dbManager(db string) bool {
	return s.eng.acl.Allowed(s.user, auth.Target{Priv: auth.DBManage, Obj: db}) || s.ownsDB(db)
}

// checkTableRead is TABLE_READ on a DFS table (or DB_READ on its
// database).
func (s *Session) checkTableRead(t *dfs.Table) error {
	if t == nil || !t.Database().DFS() {
		return nil
	}
	if err := s.checkRead(); err != nil {
		return err
	}
	db := t.Database().Path()
	path := auth.TablePath(db, t.TableName())
	if s.eng.acl.Allowed(s.user, auth.Target{Priv: auth.TableRead, Obj: path}, auth.Target{Priv: auth.DBRead, Obj: db}) ||
		s.createdTable(path) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to read table %s", path)
}

// createdTable reports whether the user created the table, or owns its
// database (the creator's rights of the manual's DML table).
func (s *Session) createdTable(path string) bool {
	return s.eng.acl.TableOwner(path) == s.user || s.ownsDB(dbOfTable(path))
}

func dbOfTable(path string) string {
	for i := len(path) - 1; i > len("dfs://"); i-- {
		if path[i] == '/' {
			return path[:i]
		}
	}
	return path
}

// checkTableWrite is the privilege a write of kind (TableInsert,
// TableUpdate or TableDelete) needs on a DFS table: the table's or the
// database's, or being its creator.
func (s *Session) checkTableWrite(t *dfs.Table, kind auth.Priv) error {
	if t == nil || !t.Database().DFS() {
		return nil
	}
	if err := s.checkWrite(); err != nil {
		return err
	}
	db := t.Database().Path()
	path := auth.TablePath(db, t.TableName())
	dbKind := map[auth.Priv]auth.Priv{auth.TableInsert: auth.DBInsert, auth.TableUpdate: auth.DBUpdate, auth.TableDelete: auth.DBDelete}[kind]
	if s.eng.acl.Allowed(s.user, auth.Target{Priv: kind, Obj: path}, auth.Target{Priv: dbKind, Obj: db}) || s.createdTable(path) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to write data to table %s", path)
}

// errDBOwner is the refusal to create or drop a database.
var errDBOwner = ddberr.Errorf("<NoPrivilege>Not granted to create or delete databases")

// checkCreateDB is DB_OWNER (global, or a prefix rule matching path).
func (s *Session) checkCreateDB(path string) error {
	if err := s.checkWrite(); err != nil {
		return err
	}
	if s.eng.acl.Allowed(s.user, auth.Target{Priv: auth.DBOwner, Obj: path}) {
		return nil
	}
	return errDBOwner
}

// checkDropDB is DB_MANAGE on the database, or being its owner.
func (s *Session) checkDropDB(path string) error {
	if err := s.checkWrite(); err != nil {
		return err
	}
	if s.dbManager(path) {
		return nil
	}
	return errDBOwner
}

// checkCreateTable is DBOBJ_CREATE or DB_MANAGE on the database, or
// owning it.
func (s *Session) checkCreateTable(db *dfs.Database) error {
	if err := s.checkWrite(); err != nil {
		return err
	}
	if !db.DFS() {
		return nil
	}
	path := db.Path()
	if s.eng.acl.Allowed(s.user, auth.Target{Priv: auth.DBObjCreate, Obj: path}) || s.dbManager(path) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to create tables in database %s", path)
}

// checkDropTable is DBOBJ_DELETE or DB_MANAGE on the database, or owning
// it.
func (s *Session) checkDropTable(db *dfs.Database) error {
	if err := s.checkWrite(); err != nil {
		return err
	}
	if !db.DFS() {
		return nil
	}
	path := db.Path()
	if s.eng.acl.Allowed(s.user, auth.Target{Priv: auth.DBObjDelete, Obj: path}) || s.dbManager(path) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to delete tables in database %s", path)
}

// checkManageDB is what adding or dropping partitions needs.
func (s *Session) checkManageDB(db *dfs.Database) error {
	if err := s.checkWrite(); err != nil {
		return err
	}
	if !db.DFS() || s.dbManager(db.Path()) {
		return nil
	}
	return ddberr.Errorf("<NoPrivilege>Not granted to manage database %s", db.Path())
}

// checkScan is the read check of a partitioned table a query reads,
// whichever handle it came through.
func (s *Session) checkScan(t Table) error {
	if p, ok := t.(*ptable); ok {
		return s.checkTableRead(p.Table)
	}
	return nil
}

// Shared in-memory tables follow the manual's rules for shared objects:
// anyone logged in may read and write one until its creator or an
// administrator puts it under access control (addAccessControl, or a
// grant, deny or revoke on it); from then on only the creator, the
// administrators and users granted TABLE_READ / TABLE_WRITE on it may.
// A guest never modifies or undefines a table another user shared.

// errNoSharedAccess is the refusal of a shared table.
func errNoSharedAccess(name string) error {
	return ddberr.Errorf("No access to shared table [%s]", name)
}

// mayManageShared reports whether the user created the shared object or
// is an administrator.
func (s *Session) mayManageShared(o *sharedObj) bool {
	return o.owner == "" || (s.user != "" && s.user == o.owner) || s.isAdmin()
}

// checkSharedAccess checks a read or write of the shared table name.
func (s *Session) checkSharedAccess(name string, write bool) error {
	o := s.eng.sharedEntry(name)
	if o == nil || s.mayManageShared(o) {
		return nil
	}
	if o.controlled.Load() {
		p := auth.TableRead
		if write {
			p = auth.TableInsert
		}
		if s.user != "" && s.eng.acl.Allowed(s.user, auth.Target{Priv: p, Obj: name}) {
			return nil
		}
		return errNoSharedAccess(name)
	}
	if write && s.user == "" {
		return errNoSharedAccess(name)
	}
	return nil
}

// checkUnshare lets only the creator or an administrator undefine a
// shared object.
func (s *Session) checkUnshare(name string) error {
	o := s.eng.sharedEntry(name)
	if o == nil || s.mayManageShared(o) {
		return nil
	}
	return errNoSharedAccess(name)
}

// addAccessControl puts the shared object name under access control.
func (s *Session) addAccessControl(name string) error {
	o := s.eng.sharedEntry(name)
	if o == nil {
		return ddberr.Errorf("The shared table or stream engine [%s] doesn't exist.", name)
	}
	if !s.mayManageShared(o) || s.user == "" {
		return ddberr.Errorf("Only the creator of the shared table or an administrator can add access control to it.")
	}
	o.controlled.Store(true)
	return nil
}

// userLimit is the logged-in user's own value of a limit privilege
// (grant(user, QUERY_RESULT_MEM_LIMIT, gb)); 0 when none is set, and the
// engine-wide setting applies.
func (s *Session) userLimit(p auth.Priv) float64 {
	if s.user == "" {
		return 0
	}
	return s.eng.acl.Limit(s.user, p)
}

// The listing functions show a non-administrator only what it may use
// (the manual's 可见性函数 table); administrators see everything.

// seesDatabase is getDFSDatabases' rule: DB_MANAGE on the database, or
// having created it.
func (s *Session) seesDatabase(db string) bool {
	return s.isAdmin() || (s.user != "" && s.dbManager(db))
}

// seesClusterDatabase is getClusterDFSDatabases' rule: any database-level
// privilege on it.
func (s *Session) seesClusterDatabase(db string) bool {
	if s.isAdmin() || s.seesDatabase(db) {
		return true
	}
	if s.user == "" {
		return false
	}
	for _, p := range []auth.Priv{auth.DBRead, auth.DBInsert, auth.DBUpdate, auth.DBDelete, auth.DBObjCreate, auth.DBObjDelete} {
		if s.eng.acl.Allowed(s.user, auth.Target{Priv: p, Obj: db}) {
			return true
		}
	}
	return false
}

// seesTable is getDFSTablesByDatabase's and getClusterDFSTables' rule: a
// database-level privilege on its database, a table privilege on it, or
// having created it.
func (s *Session) seesTable(db, table string) bool {
	if s.isAdmin() {
		return true
	}
	if s.user == "" {
		return false
	}
	path := auth.TablePath(db, table)
	if s.dbManager(db) || s.createdTable(path) {
		return true
	}
	for _, p := range []auth.Priv{auth.DBRead, auth.DBInsert, auth.DBUpdate, auth.DBDelete} {
		if s.eng.acl.Allowed(s.user, auth.Target{Priv: p, Obj: db}) {
			return true
		}
	}
	for _, p := range []auth.Priv{auth.TableRead, auth.TableInsert, auth.TableUpdate, auth.TableDelete} {
		if s.eng.acl.Allowed(s.user, auth.Target{Priv: p, Obj: path}) {
			return true
		}
	}
	return false
}
