package sqlparse

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// listKind is what a comma-separated list holds. One parser, parseList,
// reads every kind, so arguments and SQL lists agree on what an item is.
type listKind int

const (
	// callArgs is f(a, , b=1, *, +, x as y): in parentheses, with empty
	// slots, keyword arguments, * (count(*)), operators passed as
	// functions and `as` aliases.
	callArgs listKind = iota
	// partialArgs is f{a, , b=1, +}: in braces, possibly over several
	// lines, with empty slots, keyword arguments and operators.
	partialArgs
	// selectCols is the column list of select/exec: items with `as`
	// aliases, and *.
	selectCols
	// byItems is the list of group/context/pivot/cgroup by: items with
	// `as` aliases.
	byItems
	// conditions is the list of a where clause.
	conditions
)

// parseList parses a list of kind k. Bracketed lists (arguments) consume
// their brackets and are never nil; SQL lists end where no comma follows
// and may continue on a new line after a comma.
func (p *parser) parseList(k listKind) []ast.Expr {
	open, close := "", ""
	switch k {
	case callArgs:
		open, close = "(", ")"
	case partialArgs:
		open, close = "{", "}"
	}
	var list []ast.Expr
	if open != "" {
		p.expectOp(open)
		list = []ast.Expr{}
	}
	if k == callArgs && p.ranges != nil {
		p.ranges.args++
		defer func() { p.ranges.args-- }()
	}
	p.withEq(func() {
		p.commaEnds = true
		if close != "" {
			p.skipNewlines()
			if p.isOp(close) {
				return
			}
		}
		for {
			p.skipNewlines()
			if items, ok := p.rangeItems(k, close); ok {
				list = append(list, items...)
			} else {
				list = append(list, p.parseListItem(k, close))
			}
			if close != "" || isOpTok(p.peekPastNewlines(), ",") {
				// a SQL list may also go on with a comma that starts the
				// next line (std_sql_ddb.md: "\n  , h.start_date")
				p.skipNewlines()
			}
			if !p.isOp(",") {
				return
			}
			p.next()
		}
	})
	if close == "" {
		return list
	}
	p.skipNewlines()
	if k == callArgs {
		checkKeywordArgsLast(p, list)
	}
	p.expectOp(close)
	return list
}

// parseListItem parses one item of a list of kind k that close ends ("" for
// SQL lists); an empty slot of an argument list is nil.
func (p *parser) parseListItem(k listKind, close string) ast.Expr {
	t := p.tok()
	args := close != ""
	switch {
	case args && (isOpTok(t, ",") || isOpTok(t, close)):
		return nil
	case args && t.Kind == lex.TokIdent && isOpTok(p.peekN(1), "="):
		p.next()
		p.next()
		return &ast.NamedArg{At: t.Pos, Name: t.Text, X: p.parseExpr()}
	case k == callArgs && isOpTok(t, "*") && isOpTok(p.peekN(1), ")") && !p.afterComma(),
		k == selectCols && isOpTok(t, "*"):
		// count(*), select *
		p.next()
		return &ast.StarExpr{At: t.Pos}
	case k == selectCols && t.Kind == lex.TokIdent && isOpTok(p.peekN(1), ".") && isOpTok(p.peekN(2), "*"):
		// select t1.* from ...
		p.next()
		p.next()
		p.next()
		return &ast.StarExpr{At: t.Pos, Table: t.Text}
	case k == callArgs && isKw(t, "distinct") && p.peekN(1).Kind == lex.TokIdent && !isKw(p.peekN(1), "as"):
		// count(distinct x) is count(distinct(x)) (tutorials/std_sql_ddb.md)
		p.next()
		return &ast.CallExpr{At: t.Pos, Fn: &ast.Ident{At: t.Pos, Name: "distinct"}, Args: []ast.Expr{p.parseExpr()}}
	case k == selectCols && isKw(t, "from"):
		p.failTok(t)
	case args && p.operatorArg():
		// reduce(+, 1..10): an operator passed as its function
		p.next()
		return &ast.Ident{At: t.Pos, Name: words.OperatorFunc(t.Text)}
	case k == partialArgs || k == conditions:
		return p.parseExpr()
	}
	e := p.parseAliased()
	if t := p.tok(); k == selectCols && t.Kind == lex.TokIdent && !lex.Reserved(t.Text) {
		if _, ok := e.(*ast.AliasExpr); !ok {
			// sql_intro.md: an alias without as follows its item on the line
			p.next()
			return &ast.AliasExpr{At: e.Pos(), X: e, Name: t.Text}
		}
	}
	return e
}

// checkKeywordArgsLast fails on a positional argument after a keyword
// argument, as DolphinDB does.
func checkKeywordArgsLast(p *parser, args []ast.Expr) {
	named := false
	for _, a := range args {
		switch a.(type) {
		case *ast.NamedArg:
			named = true
		case nil:
		default:
			if named {
				p.fail(a.Pos(), "If one argument is passed as keyword argument, all subsequent arguments must also be passed as keyword arguments. RefId: S06001")
			}
		}
	}
}

// parseAliased parses an expression with an optional `as name` alias.
func (p *parser) parseAliased() ast.Expr {
	e := p.parseExpr()
	if p.tok().Kind == lex.TokNewline && isKw(p.peekPastNewlines(), "as") {
		// the_ten_most_overlooked_details_of_programming.md: an item's alias
		// may start the next line; no statement starts with as
		p.skipNewlines()
	}
	if isKw(p.tok(), "as") {
		p.next()
		n := p.tok()
		switch n.Kind {
		case lex.TokIdent, lex.TokString, lex.TokSymbol:
			p.next()
		case lex.TokSymbolVector:
			p.next()
			return &ast.AliasExpr{At: e.Pos(), X: e, Name: n.Items[0], Names: n.Items}
		default:
			p.failTok(n)
		}
		if p.ranges != nil && n.Kind == lex.TokIdent && isOpTok(p.tok(), "...") {
			name, names := p.rangeAlias(n)
			return &ast.AliasExpr{At: e.Pos(), X: e, Name: name, Names: names}
		}
		return &ast.AliasExpr{At: e.Pos(), X: e, Name: n.Text}
	}
	return e
}

// afterComma reports whether a comma comes right before the current
// token (skipping line ends): binaryExpr(x, y, *) passes * as mul, where
// count(*) is a star.
func (p *parser) afterComma() bool {
	for i := p.pos - 1; i >= 0; i-- {
		if p.toks[i].Kind != lex.TokNewline {
			return isOpTok(p.toks[i], ",")
		}
	}
	return false
}

// operatorArg reports whether the current token is an operator standing
// alone as an argument: followed by a comma or the closing bracket.
func (p *parser) operatorArg() bool {
	t := p.tok()
	if t.Kind != lex.TokOp || words.OperatorFunc(t.Text) == "" {
		return false
	}
	nx := p.peekN(1)
	return isOpTok(nx, ",") || isOpTok(nx, ")") || isOpTok(nx, "}")
}
