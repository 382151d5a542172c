package filesys

import (
	"os"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// maxIncludeDepth bounds #include nesting, so a file including itself
// fails instead of recursing for ever.
const maxIncludeDepth = 16

// runFn is run(scriptFile, [newSession=false], [clean=true])
// (funcs/r/run.md): the file, its #include lines replaced by the files
// they name (progr/statements/Include.md), runs in the calling session;
// clean first removes the session's variables. A new session is not
// supported.
func runFn(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "run", "scriptFile", args[0])
	if err != nil {
		return nil, err
	}
	if newSession, err := optBool("run", "newSession", funcs.Arg(args, 1), false); err != nil || newSession {
		if err == nil {
			err = ddberr.Errorf("run with newSession=true is not supported.")
		}
		return nil, err
	}
	clean, err := optBool("run", "clean", funcs.Arg(args, 2), true)
	if err != nil {
		return nil, err
	}
	script, err := expandIncludes(env, path, name, 0)
	if err != nil {
		return nil, err
	}
	if clean {
		undef, _ := env.Function("undef")
		if _, err := env.Call(undef, value.NewString("all")); err != nil {
			return nil, err
		}
	}
	return env.RunScript(script)
}

// expandIncludes is a script file's text with each `#include "file"` line
// replaced by that file's (expanded) text.
func expandIncludes(env funcs.Env, path, name string, depth int) (string, error) {
	if depth > maxIncludeDepth {
		return "", ddberr.Errorf("#include is nested too deeply in [%s].", name)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", OpenError(name, err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		rest, ok := strings.CutPrefix(strings.TrimSpace(l), "#include")
		if !ok {
			continue
		}
		inc := strings.Trim(strings.TrimSpace(rest), `"';`)
		p, err := Resolve(env, inc)
		if err != nil {
			return "", err
		}
		if lines[i], err = expandIncludes(env, p, inc, depth+1); err != nil {
			return "", err
		}
	}
	return strings.Join(lines, "\n"), nil
}
