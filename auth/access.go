package auth

import (
	"maps"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
)

// Op is grant, deny or revoke.
type Op int8

// The three privilege operations.
const (
	Grant Op = iota
	DenyOp
	Revoke
)

// String is the operation's function name.
func (o Op) String() string {
	switch o {
	case Grant:
		return "grant"
	case DenyOp:
		return "deny"
	}
	return "revoke"
}

func (r *rules) global(p Priv) State {
	if r.Global == nil {
		return None
	}
	return r.Global[p]
}

func (r *rules) set(p Priv, obj string, st State) {
	if obj == Global {
		if r.Global == nil {
			r.Global = map[Priv]State{}
		}
		if st == None {
			delete(r.Global, p)
		} else {
			r.Global[p] = st
		}
		// A setting on everything replaces the settings on single
		// objects (the manual's "大范围覆盖小范围" rule).
		delete(r.Objects, p)
		return
	}
	if st == None {
		if m := r.Objects[p]; m != nil {
			delete(m, obj)
			if len(m) == 0 {
				delete(r.Objects, p)
			}
		}
		return
	}
	if r.Objects == nil {
		r.Objects = map[Priv]map[string]State{}
	}
	if r.Objects[p] == nil {
		r.Objects[p] = map[string]State{}
	}
	r.Objects[p][obj] = st
}

// stateOf is the principal's setting of p on obj: the object's own
// setting if it has one, else the global one. DB_OWNER's objects are
// prefix rules ("dfs://ddb*") matched against a database path.
func (r *rules) stateOf(p Priv, obj string) State {
	if obj != Global {
		if m := r.Objects[p]; m != nil {
			if st, ok := m[obj]; ok {
				return st
			}
			if p == DBOwner && r.global(p) != Deny {
				for rule, st := range m {
					if strings.HasSuffix(rule, "*") && strings.HasPrefix(obj, strings.TrimSuffix(rule, "*")) && st == Allow {
						return Allow
					}
				}
			}
		}
	}
	return r.global(p)
}

// principalLocked finds a user's or group's rules.
func (s *Store) principalLocked(name string) (*rules, bool, error) {
	if u := s.st.Users[name]; u != nil {
		return &u.Rules, true, nil
	}
	if g := s.st.Groups[name]; g != nil {
		return &g.Rules, false, nil
	}
	return nil, false, ddberr.Errorf("The user or group [%s] doesn't exist.", name)
}

// Apply runs grant, deny or revoke of p on objs (nil or "*": global) for
// a user or group. For the limit privileges (QUERY_RESULT_MEM_LIMIT ...)
// limit is the value and objs is ignored. The caller has checked that
// the acting user may do it (see CheckGrantor).
func (s *Store) Apply(principal string, op Op, p Priv, objs []string, limit float64) error {
	return s.apply(principal, op, p, objs, limit, nil)
}

// ApplyCatalog runs grant, deny or revoke of a CATALOG_ privilege on
// catalogs, whose schemas' databases are dbs. As a global setting does,
// a setting on a catalog replaces the principal's settings of the
// database and table privileges it covers on those databases and their
// tables (catalog.md: granting CATALOG_READ lifts an earlier deny of
// DB_READ on one of them).
func (s *Store) ApplyCatalog(principal string, op Op, p Priv, catalogs, dbs []string) error {
	if !p.IsCatalog() {
		return ddberr.Errorf("The argument [%s] of %s must be %s.", "accessType", op.String(), "a privilege type such as TABLE_READ")
	}
	return s.apply(principal, op, p, catalogs, 0, dbs)
}

func (s *Store) apply(principal string, op Op, p Priv, objs []string, limit float64, covered []string) error {
	if !p.Valid() {
		return ddberr.Errorf("The argument [%s] of %s must be %s.", "accessType", op.String(), "a privilege type such as TABLE_READ")
	}
	if len(objs) == 0 {
		objs = []string{Global}
	}
	return s.mutate(func() error {
		r, isUser, err := s.principalLocked(principal)
		if err != nil {
			return err
		}
		if principal == SuperAdmin {
			return ddberr.Errorf("The super administrator admin can't be %s.", "given privileges or denied them")
		}
		if p.IsLimit() {
			switch op {
			case Grant:
				if !isUser && p != MaxPartitionNumPerQuery {
					return ddberr.Errorf("%s can only be granted to a user.", p)
				}
				if limit <= 0 {
					return ddberr.Errorf("The objs of %s must be a positive number.", p)
				}
				if r.Limits == nil {
					r.Limits = map[Priv]float64{}
				}
				r.Limits[p] = limit
			case Revoke:
				delete(r.Limits, p)
			default:
				return ddberr.Errorf("%s can't be denied.", p)
			}
			return nil
		}
		st := map[Op]State{Grant: Allow, DenyOp: Deny, Revoke: None}[op]
		for _, obj := range objs {
			if p == DBOwner && obj != Global {
				if op == DenyOp {
					return ddberr.Errorf("DB_OWNER can only be denied globally.")
				}
				if !strings.HasPrefix(obj, "dfs://") || !strings.HasSuffix(obj, "*") {
					return ddberr.Errorf("The parameter objs must be a string that begins with 'dfs://' and ends with '*'. For example, 'dfs://db1*'. RefId: S04003")
				}
			}
			for _, q := range p.expand() {
				if obj != Global && op == Grant {
					switch r.global(q) {
					case Deny:
						return ddberr.Errorf("Invalid grant: grant [%s] and [deny *] are in conflict", obj)
					case Allow:
						continue // the global grant covers it already
					}
				}
				r.set(q, obj, st)
				r.clearCovered(q, covered)
			}
		}
		return nil
	})
}

// clearCovered removes the settings of the database and table
// privileges catalog privilege p covers on dbs and their tables.
func (r *rules) clearCovered(p Priv, dbs []string) {
	dbPriv, tablePriv, ok := p.covered()
	if !ok {
		return
	}
	for _, db := range dbs {
		r.set(dbPriv, db, None)
		for obj := range r.Objects[tablePriv] {
			if DBOfTable(obj) == db {
				r.set(tablePriv, obj, None)
			}
		}
	}
}

// Target is one privilege on one object that would allow an operation;
// Obj is a table path, a database path, a shared table name or Global.
type Target struct {
	Priv Priv
	Obj  string
}

// Allowed resolves the user's privileges over targets as DolphinDB does:
// the user and each of its groups are principals; a deny of any target
// by any principal refuses, otherwise an allow of any target by any
// principal permits. The super administrator is always allowed.
func (s *Store) Allowed(user string, targets ...Target) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if user == SuperAdmin {
		return s.st.Users[user] != nil
	}
	u := s.st.Users[user]
	if u == nil {
		return false
	}
	principals := []*rules{&u.Rules}
	for _, g := range s.st.Groups {
		if g.Members[user] {
			principals = append(principals, &g.Rules)
		}
	}
	allowed := false
	for _, r := range principals {
		for _, t := range targets {
			switch r.stateOf(t.Priv, t.Obj) {
			case Deny:
				return false
			case Allow:
				allowed = true
			}
		}
	}
	return allowed
}

// HasSettings reports whether any user or group has a grant, deny or
// revoke recorded on obj (a shared table name): such a table is under
// access control.
func (s *Store) HasSettings(obj string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	check := func(r *rules) bool {
		for _, m := range r.Objects {
			if _, ok := m[obj]; ok {
				return true
			}
		}
		return false
	}
	for _, u := range s.st.Users {
		if check(&u.Rules) {
			return true
		}
	}
	for _, g := range s.st.Groups {
		if check(&g.Rules) {
			return true
		}
	}
	return false
}

// Limit is the user's own value of a limit privilege (0: none set).
func (s *Store) Limit(user string, p Priv) float64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u := s.st.Users[user]; u != nil {
		return u.Rules.Limits[p]
	}
	return 0
}

// SetDBOwner records who created a database.
func (s *Store) SetDBOwner(db, user string) error {
	return s.mutate(func() error {
		s.st.DBOwners[db] = user
		return nil
	})
}

// DBOwner is the user who created db ("" if unknown).
func (s *Store) DBOwner(db string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.DBOwners[db]
}

// DatabasesOwnedBy lists, sorted, the databases user created.
func (s *Store) DatabasesOwnedBy(user string) []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []string{}
	for db, owner := range s.st.DBOwners {
		if owner == user {
			out = append(out, db)
		}
	}
	sort.Strings(out)
	return out
}

// SetTableOwner records who created a DFS table.
func (s *Store) SetTableOwner(table, user string) error {
	return s.mutate(func() error {
		s.st.TableOwners[table] = user
		return nil
	})
}

// TableOwner is the user who created a DFS table ("" if unknown).
func (s *Store) TableOwner(table string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.TableOwners[table]
}

// DropDatabase forgets a dropped database: its owner, its tables' owners
// and every privilege set on it or its tables, so a database created
// again under the name starts with none (the manual's 权限回收).
func (s *Store) DropDatabase(db string) error {
	prefix := strings.TrimSuffix(db, "/") + "/"
	return s.mutate(func() error {
		delete(s.st.DBOwners, db)
		for t := range s.st.TableOwners {
			if strings.HasPrefix(t, prefix) {
				delete(s.st.TableOwners, t)
			}
		}
		s.dropObjectsLocked(func(obj string) bool { return obj == db || strings.HasPrefix(obj, prefix) })
		return nil
	})
}

// DropTable forgets a dropped DFS table's owner and privileges, those on
// its columns ("dfs://db/table:col", TABLE_SENSITIVE_VIEW's column
// objects) included.
func (s *Store) DropTable(table string) error {
	return s.mutate(func() error {
		delete(s.st.TableOwners, table)
		s.dropObjectsLocked(func(obj string) bool { return obj == table || strings.HasPrefix(obj, table+":") })
		return nil
	})
}

// DropColumn forgets the privileges on a dropped DFS column, the object
// "dfs://db/table:col".
func (s *Store) DropColumn(column string) error {
	return s.mutate(func() error {
		s.dropObjectsLocked(func(obj string) bool { return obj == column })
		return nil
	})
}

// RenameObject moves every user's and group's privileges on a renamed
// DFS table or column from its old object name to the new one; a
// table's owner and its columns' privileges move with it.
func (s *Store) RenameObject(from, to string) error {
	return s.mutate(func() error {
		if owner, ok := s.st.TableOwners[from]; ok {
			delete(s.st.TableOwners, from)
			s.st.TableOwners[to] = owner
		}
		rename := func(obj string) (string, bool) {
			if obj == from {
				return to, true
			}
			if rest, ok := strings.CutPrefix(obj, from+":"); ok {
				return to + ":" + rest, true
			}
			return "", false
		}
		for _, r := range s.allRulesLocked() {
			for p, m := range r.Objects {
				if p == DBOwner {
					continue // prefix rules on database names
				}
				moved := map[string]State{}
				for obj, st := range m {
					if name, ok := rename(obj); ok {
						delete(m, obj)
						moved[name] = st
					}
				}
				maps.Copy(m, moved)
			}
		}
		return nil
	})
}

// allRulesLocked is every user's and group's rules.
func (s *Store) allRulesLocked() []*rules {
	out := make([]*rules, 0, len(s.st.Users)+len(s.st.Groups))
	for _, u := range s.st.Users {
		out = append(out, &u.Rules)
	}
	for _, g := range s.st.Groups {
		out = append(out, &g.Rules)
	}
	return out
}

func (s *Store) dropObjectsLocked(match func(string) bool) {
	drop := func(r *rules) {
		for p, m := range r.Objects {
			if p == DBOwner {
				continue // prefix rules outlive the databases they matched
			}
			for obj := range m {
				if match(obj) {
					delete(m, obj)
				}
			}
			if len(m) == 0 {
				delete(r.Objects, p)
			}
		}
	}
	for _, r := range s.allRulesLocked() {
		drop(r)
	}
}

// Summary is a principal's privileges as getUserAccess and
// getGroupAccess show them.
type Summary struct {
	Global  map[Priv]State
	Allowed map[Priv][]string
	Denied  map[Priv][]string
	Limits  map[Priv]float64
}

func summarize(rs ...*rules) Summary {
	out := Summary{Global: map[Priv]State{}, Allowed: map[Priv][]string{}, Denied: map[Priv][]string{}, Limits: map[Priv]float64{}}
	for _, r := range rs {
		for p, st := range r.Global {
			if st == Deny || out.Global[p] == None {
				out.Global[p] = st
			}
		}
		for p, m := range r.Objects {
			for obj, st := range m {
				if st == Allow {
					out.Allowed[p] = append(out.Allowed[p], obj)
				} else if st == Deny {
					out.Denied[p] = append(out.Denied[p], obj)
				}
			}
		}
		for p, v := range r.Limits {
			if v > out.Limits[p] {
				out.Limits[p] = v
			}
		}
	}
	for _, m := range []map[Priv][]string{out.Allowed, out.Denied} {
		for p := range m {
			sort.Strings(m[p])
			m[p] = compactSorted(m[p])
		}
	}
	return out
}

func compactSorted(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// UserAccess is getUserAccess's view of one user: its own settings, or
// with final those of its groups combined (deny wins).
func (s *Store) UserAccess(user string, final bool) (sum Summary, admin bool, groups []string, err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u := s.st.Users[user]
	if u == nil {
		return Summary{}, false, nil, errNoUser(user)
	}
	groups = s.groupsOfLocked(user)
	rs := []*rules{&u.Rules}
	if final {
		for _, g := range groups {
			rs = append(rs, &s.st.Groups[g].Rules)
		}
	}
	sum = summarize(rs...)
	if user == SuperAdmin {
		for p := Priv(0); p < numPrivs; p++ {
			if !p.IsLimit() {
				sum.Global[p] = Allow
			}
		}
	}
	return sum, u.Admin || user == SuperAdmin, groups, nil
}

// GroupAccess is getGroupAccess's view of a group.
func (s *Store) GroupAccess(group string) (Summary, []string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	g := s.st.Groups[group]
	if g == nil {
		return Summary{}, nil, errNoGroup(group)
	}
	return summarize(&g.Rules), sortedKeys(g.Members), nil
}

// ObjectRow is one principal's settings of a list of privileges on one
// object (getDBAccess, getTableAccess).
type ObjectRow struct {
	Name   string
	Group  bool
	States []State
}

// ObjectAccess lists the users and groups with an allow or deny of any of
// privs on obj (its own setting, else the one on every object): groups,
// then users, each in descending name order as DolphinDB lists them
// (funcs/g/getDBAccess.md), with the super administrator allowed all.
func (s *Store) ObjectAccess(obj string, privs []Priv) []ObjectRow {
	s.mu.RLock()
	defer s.mu.RUnlock()
	row := func(name string, group bool, r *rules) (ObjectRow, bool) {
		out := ObjectRow{Name: name, Group: group, States: make([]State, len(privs))}
		set := false
		for i, p := range privs {
			if name == SuperAdmin && !group {
				out.States[i] = Allow
			} else {
				out.States[i] = r.stateOf(p, obj)
			}
			set = set || out.States[i] != None
		}
		return out, set
	}
	var rows []ObjectRow
	groups := sortedKeys(s.st.Groups)
	for i := len(groups) - 1; i >= 0; i-- {
		if r, ok := row(groups[i], true, &s.st.Groups[groups[i]].Rules); ok {
			rows = append(rows, r)
		}
	}
	users := sortedKeys(s.st.Users)
	for i := len(users) - 1; i >= 0; i-- {
		if r, ok := row(users[i], false, &s.st.Users[users[i]].Rules); ok {
			rows = append(rows, r)
		}
	}
	return rows
}
