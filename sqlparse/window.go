package sqlparse

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// startsOver reports whether the tokens at the cursor are `over (`, the
// window clause after an analytic function's call.
func (p *parser) startsOver() bool {
	return isKw(p.tok(), "over") && isOpTok(p.peekN(1), "(")
}

// isFrameWord reports whether t starts a window frame inside over (...).
func (p *parser) isFrameWord(t lex.Token) bool {
	return p.inOver && (isKw(t, "rows") || isKw(t, "range"))
}

// parseOver parses `over (...)` after call.
func (p *parser) parseOver(call *ast.CallExpr) ast.Expr {
	p.next()
	p.next()
	o := &ast.OverExpr{At: call.At, Call: call}
	old := p.inOver
	p.inOver = true
	defer func() { p.inOver = old }()
	p.withEq(func() {
		p.skipNewlines()
		if isKw(p.tok(), "partition") && isKw(p.peekN(1), "by") {
			p.next()
			p.next()
			for {
				p.skipNewlines()
				o.PartitionBy = append(o.PartitionBy, p.parseExpr())
				if !p.isOp(",") {
					break
				}
				p.next()
			}
		}
		if p.clauseBy("order") {
			o.OrderBy = p.parseOrderItems()
		}
		p.skipNewlines()
		if isKw(p.tok(), "rows") || isKw(p.tok(), "range") {
			o.Frame = p.parseFrame()
		}
		p.skipNewlines()
	})
	p.expectOp(")")
	return o
}

// parseFrame parses ROWS|RANGE BETWEEN lo AND hi, or the one-bound short
// form whose upper bound is the current row.
func (p *parser) parseFrame() *ast.WindowFrame {
	f := &ast.WindowFrame{Range: isKw(p.next(), "range")}
	p.skipNewlines()
	if isKw(p.tok(), "between") {
		p.next()
		f.Lo = p.parseBound()
		p.skipNewlines()
		p.expectKw("and")
		f.Hi = p.parseBound()
		if f.Lo.Kind > f.Hi.Kind || f.Lo.Kind == ast.UnboundedFollowing || f.Hi.Kind == ast.UnboundedPreceding {
			p.failTok(p.toks[p.pos-1])
		}
		return f
	}
	f.Lo = p.parseBound()
	f.Hi = ast.FrameBound{Kind: ast.CurrentRow}
	if f.Lo.Kind > ast.CurrentRow {
		p.fail(p.tok().Pos, "The lower bound of a window frame must come before its upper bound.")
	}
	return f
}

func (p *parser) parseBound() ast.FrameBound {
	p.skipNewlines()
	t := p.tok()
	switch {
	case isKw(t, "unbounded"):
		p.next()
		switch d := p.next(); {
		case isKw(d, "preceding"):
			return ast.FrameBound{Kind: ast.UnboundedPreceding}
		case isKw(d, "following"):
			return ast.FrameBound{Kind: ast.UnboundedFollowing}
		default:
			p.failTok(d)
		}
	case isKw(t, "current"):
		p.next()
		p.expectKw("row")
		return ast.FrameBound{Kind: ast.CurrentRow}
	}
	n := p.parseUnary()
	d := p.next()
	switch strings.ToLower(d.Text) {
	case "preceding":
		return ast.FrameBound{Kind: ast.Preceding, N: n}
	case "following":
		return ast.FrameBound{Kind: ast.Following, N: n}
	}
	p.failTok(d)
	return ast.FrameBound{}
}
