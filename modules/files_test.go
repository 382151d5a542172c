package modules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDir(t *testing.T) {
	for _, tc := range []struct{ home, setting, want string }{
		{"/data", "", "/data/modules"},
		{"/data", "mods", "/data/mods"},
		{"/data", "/srv/modules", "/srv/modules"},
	} {
		require.Equal(t, tc.want, Dir(tc.home, tc.setting))
	}
}

func TestModuleNamesStayInsideTheDirectory(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
		path string
	}{
		{"ta", true, "/m/ta"},
		{"system::log::fileLog", true, "/m/system/log/fileLog"},
		{"a_1::b2", true, "/m/a_1/b2"},
		{"../etc", false, ""},
		{"a/b", false, ""},
		{"a::::b", false, ""},
		{"", false, ""},
		{"1a", false, ""},
	} {
		p, ok := base("/m", tc.name)
		require.Equal(t, tc.ok, ok, tc.name)
		if ok {
			require.Equal(t, filepath.FromSlash(tc.path), p)
		}
	}
}

func TestDomRoundTrip(t *testing.T) {
	src := "module m\ndef f(){ return 1 }\n"
	got, err := decodeDom("m.dom", encodeDom(src))
	require.NoError(t, err)
	require.Equal(t, src, got)
	_, err = decodeDom("theirs.dom", []byte("\x01\x02"))
	require.ErrorContains(t, err, "was not saved by Porpoise")
}

// A function view's module (addFunctionView) is read from its .dos file
// before the .dom, and built without entering the cache use reads.
func TestSourceAndDetached(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "m.dos"), []byte("module m\ndef f(){ return 2 }\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "m.dom"), encodeDom("module m\ndef f(){ return 1 }\n"), 0o644))
	r := &Registry{ModuleDir: dir}
	src, err := r.Source("m")
	require.NoError(t, err)
	require.Contains(t, src, "return 2")
	_, err = r.Source("nope")
	require.EqualError(t, err, "Can't find module [nope]")
	m, err := r.Detached("m", src)
	require.NoError(t, err)
	require.Contains(t, m.Funcs, "f")
	require.NotContains(t, r.cache, "m")
	_, err = r.Detached("other", src)
	require.EqualError(t, err, "The module script must start with the statement [module other].")
}
