package auth

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLogins(t *testing.T) {
	var l Logins
	require.True(t, l.Set(1, "admin"))
	require.False(t, l.Set(1, "admin"), "an id already recorded")
	require.True(t, l.Set(2, "bob"))
	require.True(t, l.Set(3, "admin"))
	require.Equal(t, []string{"admin", "bob"}, l.Users())
	require.False(t, l.Set(2, ""))
	l.Drop(3)
	require.Equal(t, []string{"admin"}, l.Users())
	l.Drop(1)
	require.Equal(t, []string{}, l.Users())
}

func TestOrGuest(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"", "guest"}, {"admin", "admin"}, {"guest", "guest"}} {
		require.Equal(t, tc.want, OrGuest(tc.in), tc.in)
	}
}
