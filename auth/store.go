package auth

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
)

// SuperAdmin is the user every store has: it holds every privilege, can't
// be deleted and is not listed by getUserList.
const SuperAdmin = "admin"

// rules are one principal's (a user's or a group's) privilege settings.
type rules struct {
	// Global holds the settings made with objs "*" (or none).
	Global map[Priv]State `json:"global,omitempty"`
	// Objects holds settings on single objects: a database path, a table
	// path, a DB_OWNER prefix rule ("dfs://ddb*"), a shared table name.
	Objects map[Priv]map[string]State `json:"objects,omitempty"`
	// Limits holds QUERY_RESULT_MEM_LIMIT, TASK_GROUP_MEM_LIMIT and
	// MAX_PARTITION_NUM_PER_QUERY.
	Limits map[Priv]float64 `json:"limits,omitempty"`
}

// User is one account.
type User struct {
	Admin    bool      `json:"admin,omitempty"`
	AuthMode string    `json:"authMode"`
	Verifier Verifier  `json:"verifier"`
	PwdSet   time.Time `json:"pwdSet"`
	// Locked is lockUser's lock, lifted only by unlockUser.
	Locked   bool      `json:"locked,omitempty"`
	LockedAt time.Time `json:"lockedAt,omitzero"`
	Rules    rules     `json:"rules"`
}

// Group is a set of users sharing privileges.
type Group struct {
	Members map[string]bool `json:"members"`
	Rules   rules           `json:"rules"`
}

// state is what the store persists.
type state struct {
	Users  map[string]*User  `json:"users"`
	Groups map[string]*Group `json:"groups"`
	// DBOwners maps a DFS database path to the user who created it.
	DBOwners map[string]string `json:"dbOwners"`
	// TableOwners maps a DFS table path to the user who created it.
	TableOwners map[string]string `json:"tableOwners"`
}

func newState() state {
	return state{Users: map[string]*User{}, Groups: map[string]*Group{}, DBOwners: map[string]string{}, TableOwners: map[string]string{}}
}

// Options configures a Store.
type Options struct {
	// Dir is the data directory acl.json lives in; "" keeps the store in
	// memory.
	Dir string
	// Seed creates these users (name to password) when they don't exist
	// yet; "admin" is always created, with password 123456 unless Seed
	// says otherwise.
	Seed map[string]string
	// Now is the clock of lockouts and password times; nil is time.Now.
	Now func() time.Time
	// Enhanced is dolphindb.cfg's enhancedSecurityVerification: password
	// complexity rules, the failed-login lockout, lockUser/unlockUser.
	Enhanced bool
}

// Store holds users, groups and privileges. It is safe for concurrent use.
type Store struct {
	mu   sync.RWMutex
	opts Options
	st   state

	// attempts and lockouts are the failed-login lockout, per user and
	// client address; they are not persisted (a restart lifts them, as a
	// lockout's ten minutes would).
	attempts map[lockKey][]time.Time
	lockouts map[lockKey]lockout
	// scram holds the SCRAM exchanges between their two steps, by the
	// combined nonce.
	scram map[string]scramPending
	// failAttempts and failLock are the lockout rule (SetLockoutRule).
	failAttempts int
	failLock     time.Duration
}

// Open loads the store from opts.Dir (or starts it in memory) and seeds
// its users.
func Open(opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Store{opts: opts, st: newState(), attempts: map[lockKey][]time.Time{}, lockouts: map[lockKey]lockout{}, scram: map[string]scramPending{}, failAttempts: DefaultFailedAttempts, failLock: DefaultLockTime}
	if opts.Dir != "" {
		st, err := load(opts.Dir)
		if err != nil {
			return nil, err
		}
		s.st = st
	}
	seed := map[string]string{SuperAdmin: "123456"}
	for u, p := range opts.Seed {
		seed[u] = p
	}
	names := sortedKeys(seed)
	changed := false
	for _, u := range names {
		if _, ok := s.st.Users[u]; ok {
			continue
		}
		v, err := newVerifier(seed[u])
		if err != nil {
			return nil, err
		}
		s.st.Users[u] = &User{Admin: u == SuperAdmin, AuthMode: "sha256", Verifier: v, PwdSet: opts.Now()}
		changed = true
	}
	if changed {
		if err := s.saveLocked(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// SetEnhanced turns enhancedSecurityVerification on or off.
func (s *Store) SetEnhanced(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Enhanced = on
}

// Enhanced reports whether enhancedSecurityVerification is on.
func (s *Store) Enhanced() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.opts.Enhanced
}

// saveLocked persists the state; the caller holds s.mu for writing.
func (s *Store) saveLocked() error {
	if s.opts.Dir == "" {
		return nil
	}
	return save(s.opts.Dir, &s.st)
}

// commit persists a change made under the write lock; a failed write
// restores the snapshot taken before it so memory and disk agree.
func (s *Store) commit(before []byte) error {
	if err := s.saveLocked(); err != nil {
		if before != nil {
			if st, e := decode(before); e == nil {
				s.st = st
			}
		}
		return fmt.Errorf("failed to save the access control list: %w", err)
	}
	return nil
}

// mutate runs f under the write lock and persists what it changed.
func (s *Store) mutate(f func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var before []byte
	if s.opts.Dir != "" {
		var err error
		if before, err = encode(&s.st); err != nil {
			return err
		}
	}
	if err := f(); err != nil {
		if before != nil {
			if st, e := decode(before); e == nil {
				s.st = st
			}
		}
		return err
	}
	return s.commit(before)
}

// IsAdmin reports whether user is an administrator.
func (s *Store) IsAdmin(user string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u := s.st.Users[user]
	return u != nil && (u.Admin || user == SuperAdmin)
}

// UserExists reports whether user is an account.
func (s *Store) UserExists(user string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.Users[user] != nil
}

// GroupExists reports whether group exists.
func (s *Store) GroupExists(group string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.Groups[group] != nil
}

func errNoUser(u string) error  { return ddberr.Errorf("The user [%s] doesn't exist.", u) }
func errNoGroup(g string) error { return ddberr.Errorf("The group [%s] doesn't exist.", g) }

// CreateUser adds a user (createUser). authMode is "sha256" or "scram".
func (s *Store) CreateUser(name, password string, groups []string, admin bool, authMode string) error {
	if err := checkName(name, "user"); err != nil {
		return err
	}
	switch authMode {
	case "", "sha256":
		authMode = "sha256"
	case "scram":
	default:
		return ddberr.Errorf("The argument [%s] of %s must be %s.", "authMode", "createUser", "'sha256' or 'scram'")
	}
	if err := checkPassword(password, s.Enhanced()); err != nil {
		return err
	}
	// Refuse a taken name before paying for the hash.
	if s.UserExists(name) {
		return ddberr.Errorf("The user [%s] already exists.", name)
	}
	v, err := newVerifier(password)
	if err != nil {
		return err
	}
	return s.mutate(func() error {
		if s.st.Users[name] != nil {
			return ddberr.Errorf("The user [%s] already exists.", name)
		}
		if s.st.Groups[name] != nil {
			return ddberr.Errorf("The name [%s] is already used by a %s.", name, "group")
		}
		for _, g := range groups {
			if s.st.Groups[g] == nil {
				return errNoGroup(g)
			}
		}
		s.st.Users[name] = &User{Admin: admin, AuthMode: authMode, Verifier: v, PwdSet: s.opts.Now()}
		for _, g := range groups {
			s.st.Groups[g].Members[name] = true
		}
		return nil
	})
}

// DeleteUser removes a user, its memberships and its privileges.
func (s *Store) DeleteUser(name string) error {
	return s.mutate(func() error {
		if name == SuperAdmin {
			return ddberr.Errorf("The super administrator admin can't be %s.", "deleted")
		}
		if s.st.Users[name] == nil {
			return errNoUser(name)
		}
		delete(s.st.Users, name)
		for _, g := range s.st.Groups {
			delete(g.Members, name)
		}
		return nil
	})
}

// CreateGroup adds a group with its first members.
func (s *Store) CreateGroup(name string, members []string) error {
	if err := checkName(name, "group"); err != nil {
		return err
	}
	return s.mutate(func() error {
		if s.st.Groups[name] != nil {
			return ddberr.Errorf("The group [%s] already exists.", name)
		}
		if s.st.Users[name] != nil {
			return ddberr.Errorf("The name [%s] is already used by a %s.", name, "user")
		}
		g := &Group{Members: map[string]bool{}}
		for _, u := range members {
			if s.st.Users[u] == nil {
				return errNoUser(u)
			}
			g.Members[u] = true
		}
		s.st.Groups[name] = g
		return nil
	})
}

// DeleteGroup removes a group; its members stay, losing its privileges.
func (s *Store) DeleteGroup(name string) error {
	return s.mutate(func() error {
		if s.st.Groups[name] == nil {
			return errNoGroup(name)
		}
		delete(s.st.Groups, name)
		return nil
	})
}

// AddGroupMember adds users to groups.
func (s *Store) AddGroupMember(users, groups []string) error {
	return s.mutate(func() error {
		for _, u := range users {
			if s.st.Users[u] == nil {
				return errNoUser(u)
			}
		}
		for _, g := range groups {
			if s.st.Groups[g] == nil {
				return errNoGroup(g)
			}
		}
		for _, g := range groups {
			for _, u := range users {
				s.st.Groups[g].Members[u] = true
			}
		}
		return nil
	})
}

// DeleteGroupMember removes users from groups.
func (s *Store) DeleteGroupMember(users, groups []string) error {
	return s.mutate(func() error {
		for _, g := range groups {
			grp := s.st.Groups[g]
			if grp == nil {
				return errNoGroup(g)
			}
			for _, u := range users {
				if !grp.Members[u] {
					return ddberr.Errorf("The user [%s] doesn't belong to the group [%s].", u, g)
				}
			}
		}
		for _, g := range groups {
			for _, u := range users {
				delete(s.st.Groups[g].Members, u)
			}
		}
		return nil
	})
}

// Users are the user names getUserList returns: all but the super
// administrator, sorted.
func (s *Store) Users() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.usersLocked()
}

// usersLocked are the user names but the super administrator's, sorted.
func (s *Store) usersLocked() []string {
	out := make([]string, 0, len(s.st.Users))
	for u := range s.st.Users {
		if u != SuperAdmin {
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out
}

// Groups are the group names, sorted.
func (s *Store) Groups() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return sortedKeys(s.st.Groups)
}

// GroupsOf are the groups user belongs to, sorted.
func (s *Store) GroupsOf(user string) ([]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.st.Users[user] == nil {
		return nil, errNoUser(user)
	}
	return s.groupsOfLocked(user), nil
}

func (s *Store) groupsOfLocked(user string) []string {
	var out []string
	for name, g := range s.st.Groups {
		if g.Members[user] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Members are the users of group, sorted.
func (s *Store) Members(group string) ([]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	g := s.st.Groups[group]
	if g == nil {
		return nil, errNoGroup(group)
	}
	return sortedKeys(g.Members), nil
}

// ResetPassword sets a user's password (resetPwd, changePwd).
func (s *Store) ResetPassword(user, password string) error {
	if err := checkPassword(password, s.Enhanced()); err != nil {
		return err
	}
	if !s.UserExists(user) {
		return errNoUser(user)
	}
	v, err := newVerifier(password)
	if err != nil {
		return err
	}
	return s.mutate(func() error {
		u := s.st.Users[user]
		if u == nil {
			return errNoUser(user)
		}
		u.Verifier = v
		u.PwdSet = s.opts.Now()
		return nil
	})
}

// ChangePassword is changePwd: the old password must match.
func (s *Store) ChangePassword(user, oldPw, newPw string) error {
	s.mu.RLock()
	u := s.st.Users[user]
	ok := u != nil && u.Verifier.matches(oldPw)
	s.mu.RUnlock()
	if !ok {
		return ddberr.Errorf("The old password is incorrect.")
	}
	return s.ResetPassword(user, newPw)
}

// PasswordStatus is one row of getUserPasswordStatus.
type PasswordStatus struct {
	User     string
	SetTime  time.Time
	AuthMode string
}

// PasswordStatuses are the rows for user, or for every user but admin
// when user is "".
func (s *Store) PasswordStatuses(user string) ([]PasswordStatus, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var names []string
	if user != "" {
		if s.st.Users[user] == nil {
			return nil, errNoUser(user)
		}
		names = []string{user}
	} else {
		names = s.usersLocked()
	}
	out := make([]PasswordStatus, len(names))
	for i, n := range names {
		u := s.st.Users[n]
		mode := "SHA256"
		if u.AuthMode == "scram" {
			mode = "SCRAM"
		}
		out[i] = PasswordStatus{User: n, SetTime: u.PwdSet, AuthMode: mode}
	}
	return out, nil
}
