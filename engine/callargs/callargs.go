package callargs

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Fill appends to dst the bound arguments, each empty slot (nil) taken
// by the next of args, then the args left over. Trailing empty slots are
// optional arguments left out, so they are dropped. dst may be a caller's
// buffer: a call of a script function keeps none of its arguments' slice.
func Fill(dst, bound, args []value.Value) []value.Value {
	k := 0
	for _, b := range bound {
		if b == nil && k < len(args) {
			b = args[k]
			k++
		}
		dst = append(dst, b)
	}
	dst = append(dst, args[k:]...)
	for len(dst) > 0 && dst[len(dst)-1] == nil {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// Names is the argument names of Fill's result: the names of the call's
// own nargs arguments in the slots they fill, none for the bound ones
// (price avg :G sym names its columns after price and sym). nil when the
// call has none.
func Names(bound []value.Value, names []string, nargs int) []string {
	if names == nil {
		return nil
	}
	out := make([]string, 0, len(bound)+nargs)
	k := 0
	for _, b := range bound {
		n := ""
		if b == nil && k < nargs {
			if k < len(names) {
				n = names[k]
			}
			k++
		}
		out = append(out, n)
	}
	for ; k < nargs; k++ {
		n := ""
		if k < len(names) {
			n = names[k]
		}
		out = append(out, n)
	}
	return out
}

// Plain reports whether a call's arguments are at most max expressions,
// none left empty or named: a call the interpreter may pass them to in
// a buffer of max on the stack.
func Plain(args []ast.Expr, max int) bool {
	if len(args) > max {
		return false
	}
	for _, a := range args {
		if _, named := a.(*ast.NamedArg); a == nil || named {
			return false
		}
	}
	return true
}
