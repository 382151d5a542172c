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
