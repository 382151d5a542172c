package auth

import (
	"sort"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
)

// The failed-login rule of DolphinDB's login page: five wrong passwords
// within a minute lock the user out from that client address for ten
// minutes (dolphindb.cfg failedLoginAttempts and failedLoginLockTime).
const (
	DefaultFailedAttempts = 5
	DefaultLockTime       = 10 * time.Minute
	attemptWindow         = time.Minute
)

// errBadLogin is login's answer to a wrong user name or password.
var errBadLogin = ddberr.Errorf("The user name or password is incorrect.")

type lockKey struct{ user, ip string }

type lockout struct{ at, until time.Time }

// SetLockoutRule changes how many failures within a minute lock a user
// out and for how long; attempts <= 0 turns the lockout off.
func (s *Store) SetLockoutRule(attempts int, lock time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failAttempts, s.failLock = attempts, lock
}

// Authenticate checks a login from client address ip: a user locked by
// lockUser or locked out from ip is refused before the password is
// looked at, and a wrong password counts towards the lockout.
func (s *Store) Authenticate(user, password, ip string) error {
	s.mu.RLock()
	u := s.st.Users[user]
	var v Verifier
	locked := false
	if u != nil {
		v, locked = u.Verifier, u.Locked
	}
	s.mu.RUnlock()
	if locked {
		return errLocked(user)
	}
	if err := s.checkLockout(user, ip); err != nil {
		return err
	}
	if u == nil || !v.matches(password) {
		s.recordFailure(user, ip)
		return errBadLogin
	}
	s.mu.Lock()
	delete(s.attempts, lockKey{user, ip})
	s.mu.Unlock()
	return nil
}

func errLocked(user string) error {
	return ddberr.Errorf("The user [%s] is locked. Contact an administrator to unlock it.", user)
}

func (s *Store) checkLockout(user, ip string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := lockKey{user, ip}
	l, ok := s.lockouts[k]
	if !ok {
		return nil
	}
	now := s.opts.Now()
	if now.Before(l.until) {
		return ddberr.Errorf("The user [%s] is locked after too many failed login attempts from this address. Try again later.", user)
	}
	delete(s.lockouts, k)
	return nil
}

// maxTracked bounds the failure records an attacker can make the server
// keep by trying many user names.
const maxTracked = 100000

func (s *Store) recordFailure(user, ip string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failAttempts <= 0 {
		return
	}
	now := s.opts.Now()
	k := lockKey{user, ip}
	recent := s.attempts[k][:0:0]
	for _, t := range s.attempts[k] {
		if now.Sub(t) < attemptWindow {
			recent = append(recent, t)
		}
	}
	recent = append(recent, now)
	if len(recent) >= s.failAttempts {
		delete(s.attempts, k)
		s.lockouts[k] = lockout{at: now, until: now.Add(s.failLock)}
		return
	}
	if len(s.attempts) >= maxTracked {
		for key, ts := range s.attempts {
			if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= attemptWindow {
				delete(s.attempts, key)
			}
		}
		if len(s.attempts) >= maxTracked {
			return
		}
	}
	s.attempts[k] = recent
}

// Lock is lockUser: the user can't log in until Unlock.
func (s *Store) Lock(user string) error {
	return s.mutate(func() error {
		u := s.st.Users[user]
		if u == nil {
			return errNoUser(user)
		}
		if user == SuperAdmin {
			return ddberr.Errorf("The super administrator admin can't be %s.", "locked")
		}
		u.Locked, u.LockedAt = true, s.opts.Now()
		return nil
	})
}

// Unlock is unlockUser: it lifts lockUser's lock and every failed-login
// lockout of the user.
func (s *Store) Unlock(user string) error {
	return s.mutate(func() error {
		u := s.st.Users[user]
		if u == nil {
			return errNoUser(user)
		}
		u.Locked, u.LockedAt = false, time.Time{}
		for k := range s.lockouts {
			if k.user == user {
				delete(s.lockouts, k)
			}
		}
		return nil
	})
}

// LockStatus is one row of getUserLockedStatus; IP is "*" and Until zero
// for a lockUser lock.
type LockStatus struct {
	User, IP string
	At       time.Time
	Until    time.Time
}

// LockStatuses are the users locked now.
func (s *Store) LockStatuses() []LockStatus {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []LockStatus
	for name, u := range s.st.Users {
		if u.Locked {
			out = append(out, LockStatus{User: name, IP: "*", At: u.LockedAt})
		}
	}
	now := s.opts.Now()
	for k, l := range s.lockouts {
		if now.Before(l.until) {
			out = append(out, LockStatus{User: k.user, IP: k.ip, At: l.at, Until: l.until})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].User != out[j].User {
			return out[i].User < out[j].User
		}
		return out[i].IP < out[j].IP
	})
	return out
}
