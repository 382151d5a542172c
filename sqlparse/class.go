package sqlparse

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// ClassStmt is a class definition (progr/class_objects.md):
//
//	class Derived : Base {
//	    beta :: INT
//	    def Derived(a, b) { Base(a); beta = b }
//	    def method2()           // declared here, defined further down
//	}
//
// Attrs are the member variables in order; Methods the member functions,
// the one named after the class being its constructor. A method declared
// without a body has Body nil.
type ClassStmt struct {
	At      Pos
	Name    string
	Base    string
	Attrs   []ClassAttr
	Methods []*DefStmt
}

// ClassAttr is a member variable and its declared type as written: INT,
// STRING VECTOR, INT[] VECTOR, ANY.
type ClassAttr struct {
	Name string
	Type string
}

// Pos implements Node.
func (n *ClassStmt) Pos() Pos { return n.At }
func (*ClassStmt) stmtNode()  {}

func (p *parser) parseClass() Stmt {
	c := &ClassStmt{At: p.next().Pos}
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
			d := &DefStmt{At: p.next().Pos, Name: p.next().Text}
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
			c.Attrs = append(c.Attrs, ClassAttr{Name: t.Text, Type: typ.String()})
		default:
			p.failTok(t)
		}
	}
}
