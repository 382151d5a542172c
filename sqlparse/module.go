package sqlparse

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// startsModuleStmt reports whether the statement starting at t is a module
// or use statement: the keyword followed on its line by a name (so
// `use = 1` and `use(x)` stay an assignment and a call).
func (p *parser) startsModuleStmt(t, nx lex.Token) bool {
	return (t.Text == "module" || t.Text == "use") && nx.Kind == lex.TokIdent
}

// parseModuleStmt parses `module NAME` or `use NAME`.
func (p *parser) parseModuleStmt() ast.Stmt {
	kw := p.next()
	if kw.Text == "use" && isKw(p.tok(), "catalog") && p.peekN(1).Kind == lex.TokIdent {
		// use catalog X (progr/statements/use.md) switches the session's catalog
		p.next()
		c := p.next()
		return &ast.ExprStmt{At: kw.Pos, X: call(kw.Pos, "setDefaultCatalog", str(c.Pos, c.Text))}
	}
	name := p.qualifiedName(p.expectIdent().Text)
	if kw.Text == "module" {
		return &ast.ModuleStmt{At: kw.Pos, Name: name}
	}
	return &ast.UseStmt{At: kw.Pos, Name: name}
}

// qualifiedName extends the identifier first, just read, with the
// `::name` parts written right after it: a module path (a::b::c) or a
// function qualified by its module (a::b::f).
func (p *parser) qualifiedName(first string) string {
	var b strings.Builder
	b.WriteString(first)
	for p.qualifierFollows() {
		p.next()
		p.next()
		b.WriteString("::")
		b.WriteString(p.next().Text)
	}
	return b.String()
}

// qualifierFollows reports whether `::name` follows, without spaces.
func (p *parser) qualifierFollows() bool {
	c1, c2, id := p.tok(), p.peekN(1), p.peekN(2)
	return isOpTok(c1, ":") && !c1.Space && isOpTok(c2, ":") && !c2.Space && id.Kind == lex.TokIdent && !id.Space
}

// rootQualified reports whether `::name` starts here: a name of the root
// namespace.
func (p *parser) rootQualified() bool {
	c1, c2, id := p.tok(), p.peekN(1), p.peekN(2)
	return isOpTok(c1, ":") && isOpTok(c2, ":") && !c2.Space && id.Kind == lex.TokIdent && !id.Space
}
