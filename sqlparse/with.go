package sqlparse

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// startsWith reports whether the cursor is at `with name as (` or
// `with name(`, the start of a common table expression.
func (p *parser) startsWith() bool {
	if !isKw(p.tok(), "with") || p.peekN(1).Kind != lex.TokIdent {
		return false
	}
	nx := p.peekN(2)
	return isKw(nx, "as") || isOpTok(nx, "(")
}

func (p *parser) parseWith() ast.Expr {
	at := p.next()
	w := &ast.WithExpr{At: at.Pos}
	for {
		p.skipNewlines()
		wt := ast.WithTable{Name: p.expectIdent().Text}
		if p.isOp("(") {
			p.next()
			for {
				p.skipNewlines()
				wt.Cols = append(wt.Cols, p.expectIdent().Text)
				p.skipNewlines()
				if !p.isOp(",") {
					break
				}
				p.next()
			}
			p.expectOp(")")
		}
		p.expectKw("as")
		p.skipNewlines()
		q := p.parseParen()
		if !isQuery(q) {
			p.failTok(p.tok())
		}
		wt.Query = q
		w.Tables = append(w.Tables, wt)
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	p.skipNewlines()
	w.Body = p.parseExpr()
	if !isQuery(w.Body) {
		p.failTok(p.tok())
	}
	return w
}
