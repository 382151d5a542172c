package sqlparse

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// startsWith reports whether the cursor is at `with name as (` or
// `with name(`, the start of a common table expression. Line breaks may
// separate the words: std_sql_ddb.md puts each table of a with on its own
// line.
func (p *parser) startsWith() bool {
	if !isKw(p.tok(), "with") {
		return false
	}
	i := p.pos + 1
	for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
		i++
	}
	if p.toks[i].Kind != lex.TokIdent || i+1 >= len(p.toks) {
		return false
	}
	nx := p.toks[i+1]
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
