package sqlparse

import (
	"strconv"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// maxRangeSpan is the largest difference between a column range's two
// numbers (Select.md usage 4).
const maxRangeSpan = 32768

// colRanges is the state of one select column being parsed. A column
// holding col1...colN outside call arguments is parsed once per name of
// the run, the idx-th time with the idx-th name, so
// (price1...price5) * (qty1...qty5) as amount1...amount5 is five columns.
type colRanges struct {
	idx int // the name substituted; -1 on the first pass
	n   int // the run's length; 0 while no range is outside call arguments
	// args counts the call argument lists being parsed: a range inside
	// one is the tuple of its columns, rowSum(val1...val10 * w) one
	// column (tutorials/macro_var_based_metaprogramming.md 3.3)
	args int
}

// rangeItems parses the next item of a list of kind k where column ranges
// expand it into several: a select column, or a bare range passed as a
// call argument (fixedLengthArrayVector(price1...price5)), which is one
// argument, the tuple of its columns, as a multi-column macro variable is
// (ols(y, x1...x3, 1, 2) is ols(y, (x1, x2, x3), 1, 2);
// tutorials/macro_var_based_metaprogramming.md 3.1). ok is false when the
// item is an ordinary one.
func (p *parser) rangeItems(k listKind, close string) (items []ast.Expr, ok bool) {
	switch {
	case k == callArgs && p.ranges != nil:
		from := p.tok()
		if from.Kind != lex.TokIdent || !isOpTok(p.peekN(1), "...") || p.peekN(2).Kind != lex.TokIdent {
			return nil, false
		}
		if after := p.peekN(3); !isOpTok(after, ",") && !isOpTok(after, ")") {
			return nil, false
		}
		p.next()
		p.next()
		return []ast.Expr{rangeTuple(from, p.rangeNames(from, p.next()))}, true
	case k == selectCols:
		outer := p.ranges
		defer func() { p.ranges = outer }()
		r := &colRanges{idx: -1}
		p.ranges = r
		start := p.pos
		first := p.parseListItem(k, close)
		if r.n == 0 {
			return []ast.Expr{first}, true
		}
		items = make([]ast.Expr, r.n)
		for r.idx = range items {
			p.pos = start
			items[r.idx] = p.parseListItem(k, close)
		}
		return items, true
	}
	return nil, false
}

// rangeColumn parses the rest of a range whose first name was just read
// and returns the column the current pass substitutes.
func (p *parser) rangeColumn(from lex.Token) ast.Expr {
	p.next()
	names := p.rangeNames(from, p.expectIdent())
	if p.ranges.args > 0 {
		return rangeTuple(from, names)
	}
	return &ast.Ident{At: from.Pos, Name: names[p.rangeIndex(from, len(names))]}
}

// rangeTuple is the tuple of a range's columns.
func rangeTuple(from lex.Token, names []string) *ast.TupleExpr {
	cols := &ast.TupleExpr{At: from.Pos, Elems: make([]ast.Expr, len(names))}
	for i, n := range names {
		cols.Elems[i] = &ast.Ident{At: from.Pos, Name: n}
	}
	return cols
}

// rangeAlias parses the rest of an alias range (as p1...p5) whose first
// name was just read: the name the current pass gives, or, on an item
// with no column range (a multi-column macro variable's, _$$p * _$$q as
// a1...a50; tutorials/macro_var_based_metaprogramming.md 3.2), all the
// names, which name the item's columns as `a1`a2... would.
func (p *parser) rangeAlias(from lex.Token) (string, []string) {
	p.next()
	names := p.rangeNames(from, p.expectIdent())
	if p.ranges.n == 0 {
		return names[0], names
	}
	return names[p.rangeIndex(from, len(names))], nil
}

// rangeIndex checks that a range of n names matches the column's other
// ranges and returns the index the current pass substitutes.
func (p *parser) rangeIndex(at lex.Token, n int) int {
	r := p.ranges
	switch {
	case r.n == 0:
		r.n = n
	case r.n != n:
		p.fail(at.Pos, "The column ranges of a select column must have the same length")
	}
	return max(r.idx, 0)
}

// rangeNames lists the names from..to: the same prefix followed by each
// number between the two, ascending or descending, zero-padded to the
// width of from's number when that starts with 0 (col001...col100).
func (p *parser) rangeNames(from, to lex.Token) []string {
	fp, fd := splitRangeName(from.Text)
	tp, td := splitRangeName(to.Text)
	if fp == "" || fd == "" || tp != fp || td == "" {
		p.fail(from.Pos, "A column range must join two names of one prefix followed by digits: "+from.Text+"..."+to.Text)
	}
	lo, err1 := strconv.Atoi(fd)
	hi, err2 := strconv.Atoi(td)
	if err1 != nil || err2 != nil || max(lo-hi, hi-lo) > maxRangeSpan {
		p.fail(from.Pos, "The numbers of a column range may differ by at most 32768: "+from.Text+"..."+to.Text)
	}
	width := 0
	if len(fd) > 1 && fd[0] == '0' {
		width = len(fd)
	}
	step := 1
	if hi < lo {
		step = -1
	}
	names := make([]string, 0, max(lo-hi, hi-lo)+1)
	for i := lo; ; i += step {
		d := strconv.Itoa(i)
		for len(d) < width {
			d = "0" + d
		}
		names = append(names, fp+d)
		if i == hi {
			return names
		}
	}
}

// splitRangeName splits a name into its prefix and its trailing digits.
func splitRangeName(s string) (prefix, digits string) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	return s[:i], s[i:]
}
