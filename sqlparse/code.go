package sqlparse

import "github.com/porpoisedb/porpoise/value"

// Code is metacode as a value: an expression kept unevaluated, as <expr>
// and the metaprogramming functions (expr, sql, parseExpr ...) produce it.
type Code struct{ X Expr }

// Form implements value.Value.
func (c *Code) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (c *Code) Type() value.Type { return value.Code }

// String renders the metacode as DolphinDB prints it: < a + 1 >.
func (c *Code) String() string { return "< " + Unparse(c.X) + " >" }
