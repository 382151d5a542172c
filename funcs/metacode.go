package funcs

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// Code is metacode as a value: an expression kept unevaluated, as <expr>
// and the metaprogramming functions (expr, sql, parseExpr ...) produce it.
type Code struct{ X ast.Expr }

// Form implements value.Value.
func (c *Code) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (c *Code) Type() value.Type { return value.Code }

// String renders the metacode as DolphinDB prints it: < a + 1 >.
func (c *Code) String() string { return "< " + unparse.Metacode(c.X) + " >" }

// Source renders the metacode as script that builds it again, so that a
// scheduled job's partial application can bind it (backup{dir, <select
// ...>}, tutorials/backup_restore_before_208.md).
func (c *Code) Source() string { return "<" + unparse.Format(c.X) + ">" }

// Meta is metacode the metaprogramming functions build: an expression (or
// the update/delete statement of sqlUpdate/sqlDelete) and the values it
// embeds. An embedded value appears in the code as an identifier spelled
// like the value prints ([1,2,3], "MSFT", 6) or, for a table, like the
// variable it came from; Bind maps those identifiers to the values, so
// printing shows DolphinDB's text and evaluation sees the values.
type Meta struct {
	X    ast.Expr
	Stmt ast.Stmt
	Bind map[string]value.Value
	// Session makes evaluation see the session's variables rather than
	// those of the function that evaluates it, as parseExpr's code does
	// (funcs/p/parseExpr.md).
	Session bool
}

// Form implements value.Value.
func (m *Meta) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (m *Meta) Type() value.Type { return value.Code }

// String renders the code as DolphinDB prints metacode: < expr >.
func (m *Meta) String() string {
	if m.Stmt != nil {
		return "< " + unparse.Metacode(m.Stmt) + " >"
	}
	return "< " + unparse.Metacode(m.X) + " >"
}

// IsCode reports whether x is metacode (<expr> or built by a function).
func IsCode(x value.Value) bool {
	switch x.(type) {
	case *Meta, *Code:
		return true
	}
	return false
}
