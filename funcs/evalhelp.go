package funcs

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Names that bind a built-in's values into an expression it has the
// interpreter evaluate; scripts can't spell them (they start with a
// character DolphinDB identifiers can't).
const (
	bindX = "\x00x"
	bindY = "\x00y"
)

// Index evaluates x[i] with the interpreter's indexing rules (NULL for
// positions out of range, pairs as ranges, boolean filters, column names).
func Index(env Env, x, i value.Value) (value.Value, error) {
	e := &ast.IndexExpr{X: &ast.Ident{Name: bindX}, Index: &ast.Ident{Name: bindY}}
	return env.Eval(e, map[string]value.Value{bindX: x, bindY: i})
}

// Operator applies a binary operator (+, -, ==, ...) with the
// interpreter's typing rules.
func Operator(env Env, op string, x, y value.Value) (value.Value, error) {
	e := &ast.BinaryExpr{Op: op, L: &ast.Ident{Name: bindX}, R: &ast.Ident{Name: bindY}}
	return env.Eval(e, map[string]value.Value{bindX: x, bindY: y})
}
