package auth

import (
	"sort"
	"sync"
)

// Logins records which user each session is logged in as, by session id
// (isLoggedIn, getAuthenticatedUsers). It holds ids, not sessions, so it
// keeps none alive: the owner drops an id when its session closes or is
// collected unclosed. The zero value is ready to use.
type Logins struct {
	mu sync.Mutex
	by map[int64]string
}

// Set records session id as logged in as user, or as logged out for "".
// It reports whether id was not recorded before, so that the caller can
// arrange for Drop when the session goes away.
func (l *Logins) Set(id int64, user string) (added bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if user == "" {
		delete(l.by, id)
		return false
	}
	if l.by == nil {
		l.by = map[int64]string{}
	}
	_, had := l.by[id]
	l.by[id] = user
	return !had
}

// Drop forgets session id.
func (l *Logins) Drop(id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.by, id)
}

// Users lists the distinct logged-in users, sorted.
func (l *Logins) Users() []string {
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

// OrGuest is user as DolphinDB names a session's user: "guest" for ""
// (no one logged in).
func OrGuest(user string) string {
	if user == "" {
		return "guest"
	}
	return user
}
