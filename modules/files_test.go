package modules

import (
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
