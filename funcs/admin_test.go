package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// userEnv is an Env whose session belongs to user, an administrator
// when admin; the embedded Env is nil, as the admin checks ask only
// SessionInfo.
type userEnv struct {
	Env
	user  string
	admin bool
}

func (e userEnv) SessionInfo() SessionInfo { return SessionInfo{User: e.user, Admin: e.admin} }

func TestRequireAdmin(t *testing.T) {
	for _, c := range []struct {
		user      string
		admin     bool
		want, can string
	}{
		{"admin", true, "", ""},
		{"bob", true, "", ""},
		{"alice", false, "Only administrators execute function f", "Only administrators can execute function f."},
		{"", false, "Only administrators execute function f", "Only administrators can execute function f."},
	} {
		for _, check := range []struct {
			fn   func(Env, string) error
			want string
		}{{RequireAdmin, c.want}, {RequireAdminCan, c.can}} {
			err := check.fn(userEnv{user: c.user, admin: c.admin}, "f")
			if check.want == "" {
				require.NoError(t, err, c.user)
			} else {
				require.EqualError(t, err, check.want, c.user)
			}
		}
	}
}
