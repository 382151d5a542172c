package sqlparse

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

func (p *parser) parseClass() ast.Stmt {
	c := &ast.ClassStmt{At: p.next().Pos}
	c.Name = p.expectIdent().Text
	if p.isOp(":") {
		p.next()
		c.Base = p.expectIdent().Text
	}
	p.skipNewlines()
	p.expectOp("{")
	for {
		for p.tok().Kind == lex.TokNewline || p.isOp(";") {
			p.next()
		}
		t := p.tok()
		switch {
		case p.isOp("}"):
			p.next()
			return c
		case isWord(t, "def") && p.peekN(1).Kind == lex.TokIdent:
			d := &ast.DefStmt{At: p.next().Pos, Name: p.next().Text}
			d.Params = p.parseParams()
			if p.bodyFollows() {
				d.Body = p.parseFuncBody()
			}
			c.Methods = append(c.Methods, d)
		case t.Kind == lex.TokIdent && isOpTok(p.peekN(1), ":") && isOpTok(p.peekN(2), ":"):
			p.next()
			p.next()
			p.next()
			var typ strings.Builder
			for k := p.tok(); k.Kind == lex.TokIdent || isOpTok(k, "[") || isOpTok(k, "]"); k = p.tok() {
				if k.Kind == lex.TokIdent && typ.Len() > 0 {
					typ.WriteByte(' ')
				}
				typ.WriteString(p.next().Text)
			}
			c.Attrs = append(c.Attrs, ast.ClassAttr{Name: t.Text, Type: typ.String()})
		default:
			p.failTok(t)
		}
	}
}
