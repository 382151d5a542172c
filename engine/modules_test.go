package engine

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/config"
)

// writeModules writes module files (path under dir to source) and returns
// an engine whose moduleDir is dir, with cfg's other settings.
func moduleEngine(t *testing.T, files map[string]string, set ...[2]string) *Engine {
	t.Helper()
	dir := t.TempDir()
	for p, src := range files {
		full := filepath.Join(dir, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(src), 0o644))
	}
	cfg := config.Default()
	require.NoError(t, cfg.Set("moduleDir", dir))
	for _, kv := range set {
		require.NoError(t, cfg.Set(kv[0], kv[1]))
	}
	e, err := Open(Options{Config: &cfg})
	require.NoError(t, err)
	t.Cleanup(func() { e.Close() })
	return e
}

var moduleFiles = map[string]string{
	"ta.dos":                 "module ta\ndef ma(x, n){ return mavg(x, n) }\ndef twice(x){ return 2*x }\n",
	"system/log/fileLog.dos": "module system::log::fileLog\nuse ta\ndef quad(x){ return twice(twice(x)) }\ndef f(){ return 1 }\nx = 99\n",
	"other.dos":              "module other\ndef f(){ return 2 }\ndef add(a, b){ return a - b }\n",
	"cyc/a.dos":              "module cyc::a\nuse cyc::b\ndef fa(){ return 1 }\n",
	"cyc/b.dos":              "module cyc::b\nuse cyc::a\ndef fb(){ return 2 }\n",
	"wrong.dos":              "module notWrong\ndef g(){ return 1 }\n",
}

func TestModules(t *testing.T) {
	for _, tc := range []struct{ name, script, want string }{
		{"short and qualified names", "use ta\ntwice(2) + ta::twice(3)", "10"},
		{"nested namespace, module using a module", "use system::log::fileLog\nquad(1) + system::log::fileLog::quad(1)", "8"},
		{"a used module's dependency by qualified name", "use system::log::fileLog\nta::twice(5)", "10"},
		{"qualified names tell clashing modules apart", "use system::log::fileLog\nuse other\nother::f() + system::log::fileLog::f()", "3"},
		{"a module function shadows a built-in; :: is the root", "use other\nadd(5, 3) + ::add(5, 3)", "10"},
		{"other statements of a module are ignored", "use system::log::fileLog\ndefined(\"x\")", "false"},
		{"a module function as a value", "use ta\neach(ta::twice, 1 2 3)", "[2,4,6]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, mustRun(t, moduleEngine(t, moduleFiles).NewSession(), tc.script).String())
		})
	}
}

func TestModuleErrors(t *testing.T) {
	for _, tc := range []struct{ name, script, err string }{
		{"clash between two used modules", "use system::log::fileLog\nuse other\nf()", "Modules [system::log::fileLog] and [other] contain function [f]. Please use module name to qualify the function."},
		{"not used", "twice(2)", "Cannot recognize the token twice"},
		{"unknown module", "use nosuch", "Can't find module [nosuch]"},
		{"declared name differs", "use wrong", "The module script must start with the statement [module wrong]."},
		{"cycle", "use cyc::a", "Modules can't use each other: cyc::a -> cyc::b -> cyc::a."},
		{"a name reaching outside moduleDir", `loadModule("../etc")`, "Can't find module [../etc]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := moduleEngine(t, moduleFiles).NewSession().Run(tc.script)
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestImportedFunctionCalledWithoutParentheses(t *testing.T) {
	s := moduleEngine(t, moduleFiles).NewSession()
	mustRun(t, s, "use ta")
	require.Equal(t, "6", mustRun(t, s, "twice 3").String())
}

func TestLoadModuleIsSystemWide(t *testing.T) {
	e := moduleEngine(t, moduleFiles)
	mustRun(t, e.NewSession(), `loadModule("system::log::fileLog")`)
	// another session, without use: qualified names only
	s := e.NewSession()
	v, err := s.Run("system::log::fileLog::quad(2) + ta::twice(1)")
	require.NoError(t, err)
	require.Equal(t, "10", v.String())
	_, err = s.Run("quad(2)")
	require.ErrorContains(t, err, "Cannot recognize the token quad")
	// use of a module loaded system-wide imports it without reading it again
	require.NoError(t, os.Remove(filepath.Join(e.cfg.ModuleDir, "ta.dos")))
	require.Equal(t, "8", mustRun(t, s, "use ta\ntwice(4)").String())
}

func TestPreloadModules(t *testing.T) {
	e := moduleEngine(t, moduleFiles, [2]string{"preloadModules", "ta, other"})
	v, err := e.NewSession().Run("ta::twice(1) + other::f()")
	require.NoError(t, err)
	require.Equal(t, "4", v.String())

	dir := t.TempDir()
	cfg := config.Default()
	require.NoError(t, cfg.Set("moduleDir", dir))
	require.NoError(t, cfg.Set("preloadModules", "nosuch"))
	_, err = Open(Options{Config: &cfg})
	require.ErrorContains(t, err, "Can't find module [nosuch]")
}

func TestSaveModuleDom(t *testing.T) {
	e := moduleEngine(t, moduleFiles)
	s := e.NewSession()
	_, err := s.Run(`saveModule("ta"); saveModule("system::log::fileLog")`)
	require.NoError(t, err)
	_, err = s.Run(`saveModule("ta")`)
	require.ErrorContains(t, err, "already exists. Set overwrite=true to replace it.")
	mustRun(t, s, `saveModule("ta", , true)`)
	_, err = s.Run(`saveModule("nosuch")`)
	require.ErrorContains(t, err, "Can't find module [nosuch]")

	// with the .dos files gone, use and loadModule read the .dom files
	dir := e.cfg.ModuleDir
	require.NoError(t, os.Remove(filepath.Join(dir, "ta.dos")))
	require.NoError(t, os.Remove(filepath.Join(dir, "system/log/fileLog.dos")))
	require.Equal(t, "12", mustRun(t, e.NewSession(), "use system::log::fileLog\nquad(3)").String())
	mustRun(t, e.NewSession(), `loadModule("ta")`)

	// a .dom DolphinDB wrote is refused with an error saying so
	require.NoError(t, os.WriteFile(filepath.Join(dir, "theirs.dom"), []byte{0x01, 0x02, 0x03}, 0o644))
	_, err = e.NewSession().Run("use theirs")
	require.ErrorContains(t, err, "was not saved by Porpoise; DolphinDB's .dom format can't be read")
}

func TestUseDosBeforeDomLoadModuleDomFirst(t *testing.T) {
	e := moduleEngine(t, map[string]string{"m.dos": "module m\ndef v(){ return 1 }\n"})
	s := e.NewSession()
	mustRun(t, s, `saveModule("m")`)
	require.NoError(t, os.WriteFile(filepath.Join(e.cfg.ModuleDir, "m.dos"), []byte("module m\ndef v(){ return 2 }\n"), 0o644))
	v, err := s.Run("use m\nv()")
	require.NoError(t, err)
	require.Equal(t, "2", v.String(), "use reads the .dos file first")
	mustRun(t, s, `clearCachedModules(); loadModule("m")`)
	v = mustRun(t, e.NewSession(), "m::v()")
	require.Equal(t, "1", v.String(), "loadModule reads the .dom file first")
}

func TestClearCachedModules(t *testing.T) {
	e := moduleEngine(t, map[string]string{"m.dos": "module m\ndef v(){ return 1 }\n"})
	mustRun(t, e.NewSession(), "use m")
	require.NoError(t, os.WriteFile(filepath.Join(e.cfg.ModuleDir, "m.dos"), []byte("module m\ndef v(){ return 2 }\n"), 0o644))
	v := mustRun(t, e.NewSession(), "use m\nv()")
	require.Equal(t, "1", v.String(), "the cached module")
	require.Equal(t, "2", mustRun(t, e.NewSession(), "clearCachedModules()\nuse m\nv()").String())
}

func TestPluginsAreNotModules(t *testing.T) {
	e := moduleEngine(t, moduleFiles, [2]string{"preloadModules", "plugins::mysql,ta"})
	s := e.NewSession()
	v, err := s.Run("ta::twice(1)")
	require.NoError(t, err)
	require.Equal(t, "2", v.String())
	_, err = s.Run(`loadModule("plugins::odbc")`)
	require.ErrorContains(t, err, "The function [loadPlugin] is not supported by Porpoise: DolphinDB plugins are native shared libraries")
}
