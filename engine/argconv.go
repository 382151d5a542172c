package engine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The interpreter reads its own arguments with the funcs package's
// helpers, so a built-in reads an argument the same way wherever it is
// registered; these short names keep the interpreter's and SQL's call
// sites readable.

// intArg reads an integral scalar argument.
func intArg(v value.Value, fn string) (int64, error) { return funcs.IntScalar(fn, v) }

// stringArg reads a STRING/SYMBOL scalar argument.
func stringArg(v value.Value) (string, bool) { return funcs.StringArg(v) }

// stringsArg reads a STRING scalar or vector (or a tuple of strings) as a
// list of names.
func stringsArg(v value.Value) ([]string, bool) { return funcs.NamesArg(v) }

// boolArg reads an optional BOOL argument (nil gives def).
func boolArg(v value.Value, def bool) bool { return funcs.OptBool(v, def) }

// isNullArg reports whether an optional argument is absent or NULL.
func isNullArg(v value.Value) bool { return funcs.NullOrAbsent(v) }
