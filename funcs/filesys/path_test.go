package filesys

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
)

// homeEnv is an Env whose only answer is the home directory.
type homeEnv struct {
	funcs.Env
	home string
}

func (e homeEnv) FileHome() (string, error) { return e.home, nil }

func TestResolveStaysInHome(t *testing.T) {
	home := t.TempDir()
	outside := t.TempDir()
	require.NoError(t, os.Symlink(outside, filepath.Join(home, "link")))
	env := homeEnv{home: home}
	cases := []struct {
		name string
		want string // "" when refused
	}{
		{"a.csv", filepath.Join(home, "a.csv")},
		{"sub/../b.csv", filepath.Join(home, "b.csv")},
		{filepath.Join(home, "c.csv"), filepath.Join(home, "c.csv")},
		{"../x.csv", ""},
		{"/etc/passwd", ""},
		{"link/x.csv", ""}, // a symbolic link out of the home directory
		{"", ""},
	}
	for _, c := range cases {
		got, err := Resolve(env, c.name)
		if c.want == "" {
			require.Error(t, err, c.name)
			continue
		}
		require.NoError(t, err, c.name)
		require.Equal(t, c.want, got)
	}
}
