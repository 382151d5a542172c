package sqlparse

// GivenName is the name an expression gives itself: its alias, an
// identifier or a member's name ("" for any other expression). A table
// column made from the expression takes that name.
func GivenName(e Expr) string {
	switch n := e.(type) {
	case *AliasExpr:
		return n.Name
	case *Ident:
		return n.Name
	case *MemberExpr:
		return n.Name
	}
	return ""
}
