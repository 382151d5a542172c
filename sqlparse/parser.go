package sqlparse

// Parse parses a whole script.
func Parse(src string) (*Script, error) {
	return nil, &Error{Pos: Pos{1, 1}, Msg: "parser not implemented yet"}
}

// ParseExpr parses a single expression (the whole input must be one
// expression).
func ParseExpr(src string) (Expr, error) {
	return nil, &Error{Pos: Pos{1, 1}, Msg: "parser not implemented yet"}
}
