package engine

import "github.com/porpoisedb/porpoise/value"

// Operators are also functions in DolphinDB (add(x, y) is x + y), and
// clients call them by name, e.g. the C++ API's run("add", args) example.
func init() {
	for name, op := range map[string]string{
		"add": "+", "sub": "-", "mul": "*", "div": "/", "ratio": "\\", "mod": "%",
		"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=",
		"and": "&&", "or": "||", "bitAnd": "&", "bitOr": "|", "bitXor": "^",
		"lshift": "<<", "rshift": ">>", "pair": ":",
	} {
		op := op
		reg(name, p("X", "Y"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			return binaryOp(op, args[0], args[1])
		})
	}
	reg("neg", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return unaryOp("-", args[0])
	})
	reg("not", p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return unaryOp("!", args[0])
	})
}
