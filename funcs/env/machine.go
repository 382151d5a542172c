package env

import (
	"os"
	"runtime"
	"strconv"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// getEnv is getEnv(name, [default=""]): the server process's environment
// variable, or default when it is not set.
func getEnv(_ funcs.Env, args []value.Value) (value.Value, error) {
	name, err := funcs.StrScalarArg("getEnv", "name", args[0])
	if err != nil {
		return nil, err
	}
	def := ""
	if x := funcs.Arg(args, 1); x != nil {
		if def, err = funcs.StrScalarArg("getEnv", "default", x); err != nil {
			return nil, err
		}
	}
	if v, ok := os.LookupEnv(name); ok {
		return value.NewString(v), nil
	}
	return value.NewString(def), nil
}

// getOS names the operating system as DolphinDB does: "linux",
// "windows", ...
func getOS(funcs.Env, []value.Value) (value.Value, error) {
	return value.NewString(runtime.GOOS), nil
}

func getOSBit(funcs.Env, []value.Value) (value.Value, error) {
	return value.NewInt(strconv.IntSize), nil
}

// shell is refused: DolphinDB runs it only when the configuration sets
// enableShellFunction=true, which Porpoise does not support, so a script
// can never run commands on the server's machine.
func shell(_ funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := funcs.StrScalarArg("shell", "cmd", args[0]); err != nil {
		return nil, err
	}
	return nil, ddberr.Errorf("The shell function is disabled. Set the configuration parameter enableShellFunction=true to enable it.")
}
