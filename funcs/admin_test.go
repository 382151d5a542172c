package funcs

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// userEnv is an Env whose session belongs to user; the embedded Env is
// nil, as the admin checks ask only SessionInfo.
type userEnv struct {
	Env
	user string
}

func (e userEnv) SessionInfo() SessionInfo { return SessionInfo{User: e.user} }

func TestRequireAdmin(t *testing.T) {
	for _, c := range []struct {
		user      string
		want, can string
	}{
		{"admin", "", ""},
		{"alice", "Only administrators execute function f", "Only administrators can execute function f."},
		{"", "Only administrators execute function f", "Only administrators can execute function f."},
	} {
		for _, check := range []struct {
			fn   func(Env, string) error
			want string
		}{{RequireAdmin, c.want}, {RequireAdminCan, c.can}} {
			err := check.fn(userEnv{user: c.user}, "f")
			if check.want == "" {
				require.NoError(t, err, c.user)
			} else {
				require.EqualError(t, err, check.want, c.user)
			}
		}
	}
}
