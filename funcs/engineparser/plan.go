package engineparser

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

// kind is the engine a stage of the pipeline runs.
type kind uint8

const (
	reactive kind = iota + 1 // createReactiveStateEngine
	cross                    // createCrossSectionalEngine
	window                   // createTimeSeriesEngine (createDailyTimeSeriesEngine with sessions)
)

// rowFuncs are the marks of a cross-sectional computation
// (funcs/s/streamEngineParser.md), each with the function that computes
// it over the cross-section's column: rowRank(X) ranks X among the keys,
// as rank(X) does over the engine's latest row per key.
var rowFuncs = map[string]string{
	"byRow": "", "rowAvg": "avg", "rowCount": "count", "count": "count", "rowDenseRank": "denseRank",
	"rowMax": "max", "rowMin": "min", "rowProd": "prod", "rowRank": "rank", "rowSize": "size",
	"rowSkew": "skew", "rowStd": "std", "rowStdp": "stdp", "rowSum": "sum", "rowSum2": "sum2",
	"rowVar": "var", "rowVarp": "varp", "rowAnd": "all", "rowOr": "any", "rowXor": "",
	"rowKurtosis": "kurtosis", "rowCorr": "corr", "rowCovar": "covar", "rowBeta": "beta",
	"rowWsum": "wsum", "rowWavg": "wavg",
}

// classify is the engine a call of name runs in: a row function's in
// the cross-sectional engine, rolling's in the time-series engine, any
// other's in the reactive state engine.
func classify(name string) kind {
	if _, ok := rowFuncs[name]; ok {
		return cross
	}
	if name == "rolling" {
		return window
	}
	return reactive
}

// col is one output column of a stage: its name and the metric that
// computes it from the stage's input.
type col struct {
	name string
	x    ast.Expr
}

// stage is one engine of the pipeline.
type stage struct {
	kind kind
	// rolling's window, step and fill for a time-series stage: rolling
	// metrics of other windows go to stages of their own
	win        *rollingArgs
	cols       []col
	byText     map[string]string // a metric's text -> its column
	finalExprs []ast.Expr        // the last stage's metrics (the user's)
}

func (s *stage) add(name string, x ast.Expr) {
	s.cols = append(s.cols, col{name, x})
	s.byText[unparse.Metacode(x)] = name
}

func (s *stage) has(name string) bool {
	for _, c := range s.cols {
		if c.name == name {
			return true
		}
	}
	return false
}

// rollingArgs are a rolling call's window parameters as written.
type rollingArgs struct {
	fn                  ast.Expr
	funcArgs            []ast.Expr
	size, step, fill    ast.Expr
	sizeText, stepFills string
}

// plan splits metrics over stages: each node of each metric is computed
// in the first stage of its kind at or after the stages of its
// arguments (a reactive function nests in a reactive stage; row and
// rolling functions take columns, so their arguments come from earlier
// stages), and its result reaches the stages that use it as a column,
// passed on by the stages between (stream/str_eng_parser.md).
type plan struct {
	stages []*stage
	at     map[ast.Expr]int // the stage each function node and operator over one is computed in
	raw    map[string]string
	keys   []string
	time   string // the time column's name in every stage's output, "" when none
	next   int
	err    error
}

func newPlan(columns, keys []string, timeCol string) *plan {
	p := &plan{at: map[ast.Expr]int{}, raw: map[string]string{}, keys: keys, time: timeCol}
	for _, c := range columns {
		p.raw[strings.ToLower(c)] = c
	}
	return p
}

// column is the input column x names, "" when x is no column.
func (p *plan) column(x ast.Expr) string {
	if id, ok := x.(*ast.Ident); ok {
		return p.raw[strings.ToLower(id.Name)]
	}
	return ""
}

func (p *plan) stageOf(x ast.Expr) int {
	if s, ok := p.at[x]; ok {
		return s
	}
	return -1
}

// args are the arguments of call n the pipeline computes before it.
func callArgs(n *ast.CallExpr, name string) []ast.Expr {
	var out []ast.Expr
	for i, a := range n.Args {
		if na, ok := a.(*ast.NamedArg); ok {
			a = na.X
		}
		switch {
		case name == "rolling" && i != 1, name == "byRow" && i == 0:
			continue
		}
		out = append(out, a)
	}
	return out
}

func calleeName(n *ast.CallExpr) string {
	if id, ok := n.Fn.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// children are the operands of an operator node, nil for a leaf.
func children(x ast.Expr) []ast.Expr {
	switch n := x.(type) {
	case *ast.ParenExpr:
		return []ast.Expr{n.X}
	case *ast.UnaryExpr:
		return []ast.Expr{n.X}
	case *ast.BinaryExpr:
		return []ast.Expr{n.L, n.R}
	case *ast.TernaryExpr:
		return []ast.Expr{n.Cond, n.Then, n.Else}
	case *ast.AliasExpr:
		return []ast.Expr{n.X}
	case *ast.ArrayExpr:
		return n.Elems
	case *ast.TupleExpr:
		return n.Elems
	case *ast.IndexExpr:
		return []ast.Expr{n.X, n.Index}
	case *ast.NamedArg:
		return []ast.Expr{n.X}
	}
	return nil
}

// place decides the stage of x and of its nodes; -1 is an expression of
// input columns and constants alone, computed where it is used.
func (p *plan) place(x ast.Expr) int {
	if p.err != nil {
		return -1
	}
	switch n := x.(type) {
	case *ast.Ident, *ast.Literal, *ast.SymbolVector, *ast.VectorLit:
		return -1
	case *ast.CallExpr:
		name := calleeName(n)
		k := classify(name)
		lb := 0
		for _, a := range callArgs(n, name) {
			s := p.place(a)
			switch {
			case s < 0:
			case k == reactive && p.stages[s].kind == reactive:
				lb = max(lb, s)
			default:
				lb = max(lb, s+1)
			}
		}
		var win *rollingArgs
		if k == window {
			if win = p.rolling(n); win == nil {
				return -1
			}
		}
		j := p.stageFor(k, win, lb)
		p.at[x] = j
		return j
	}
	kids := children(x)
	if kids == nil {
		// an opaque node (a lambda, a partial application): the reactive
		// state engine runs it over the input's columns
		j := p.stageFor(reactive, nil, 0)
		p.at[x] = j
		return j
	}
	s := -1
	for _, c := range kids {
		s = max(s, p.place(c))
	}
	if s >= 0 {
		p.at[x] = s
	}
	return s
}

// stageFor is the first stage of kind k (and rolling window win) at or
// after lb, a new last stage when there is none.
func (p *plan) stageFor(k kind, win *rollingArgs, lb int) int {
	for j := lb; j < len(p.stages); j++ {
		if s := p.stages[j]; s.kind == k && (k != window || s.win.sizeText+s.win.stepFills == win.sizeText+win.stepFills) {
			return j
		}
	}
	p.stages = append(p.stages, &stage{kind: k, win: win, byText: map[string]string{}})
	return len(p.stages) - 1
}

// rolling reads rolling(func, funcArgs, window, [step=1], [fill='none']).
func (p *plan) rolling(n *ast.CallExpr) *rollingArgs {
	names := []string{"func", "funcArgs", "window", "step", "fill"}
	got := make([]ast.Expr, len(names))
	for i, a := range n.Args {
		if na, ok := a.(*ast.NamedArg); ok {
			for j, nm := range names {
				if nm == na.Name {
					got[j] = na.X
				}
			}
			continue
		}
		if i < len(got) {
			got[i] = a
		}
	}
	for i, x := range got[:3] {
		if x == nil {
			p.err = funcs.BadArg("rolling", names[i], "given in a metric of streamEngineParser")
			return nil
		}
	}
	r := &rollingArgs{fn: got[0], size: got[2], step: got[3], fill: got[4]}
	if t, ok := got[1].(*ast.TupleExpr); ok {
		r.funcArgs = t.Elems
	} else {
		r.funcArgs = []ast.Expr{got[1]}
	}
	r.sizeText = unparse.Metacode(got[2])
	for _, x := range got[3:] {
		r.stepFills += "|"
		if x != nil {
			r.stepFills += unparse.Metacode(x)
		}
	}
	return r
}

// finish places the metrics and writes each stage's columns; the last
// stage computes the metrics themselves.
func (p *plan) finish(metrics []ast.Expr) {
	for _, m := range metrics {
		p.place(m)
	}
	if p.err != nil {
		return
	}
	if len(p.stages) == 0 {
		p.stages = append(p.stages, &stage{kind: reactive, byText: map[string]string{}})
	}
	last := len(p.stages) - 1
	out := make([]ast.Expr, len(metrics))
	for i, m := range metrics {
		out[i] = p.emit(m, last)
	}
	p.stages[last].finalExprs = out
}

// emit is x as a metric of stage j: computed there, or read from the
// column of the earlier stage that computes it.
func (p *plan) emit(x ast.Expr, j int) ast.Expr {
	s := p.stageOf(x)
	if s >= 0 && s < j {
		name := p.output(x, s)
		p.pass(name, s+1, j)
		return &ast.Ident{Name: name}
	}
	switch n := x.(type) {
	case *ast.Ident:
		if c := p.column(n); c != "" {
			p.passInput(c, j)
			return &ast.Ident{Name: c}
		}
		return x
	case *ast.Literal, *ast.SymbolVector, *ast.VectorLit:
		return x
	case *ast.CallExpr:
		return p.emitCall(n, j)
	case *ast.ParenExpr:
		return &ast.ParenExpr{At: n.At, X: p.emit(n.X, j)}
	case *ast.UnaryExpr:
		return &ast.UnaryExpr{At: n.At, Op: n.Op, X: p.emit(n.X, j)}
	case *ast.BinaryExpr:
		c := *n
		c.L, c.R = p.emit(n.L, j), p.emit(n.R, j)
		return &c
	case *ast.TernaryExpr:
		return &ast.TernaryExpr{At: n.At, Cond: p.emit(n.Cond, j), Then: p.emit(n.Then, j), Else: p.emit(n.Else, j)}
	case *ast.AliasExpr:
		c := *n
		c.X = p.emit(n.X, j)
		return &c
	case *ast.ArrayExpr:
		return &ast.ArrayExpr{At: n.At, Elems: p.emitAll(n.Elems, j)}
	case *ast.TupleExpr:
		return &ast.TupleExpr{At: n.At, Elems: p.emitAll(n.Elems, j)}
	case *ast.IndexExpr:
		return &ast.IndexExpr{At: n.At, X: p.emit(n.X, j), Index: p.emit(n.Index, j)}
	case *ast.NamedArg:
		return &ast.NamedArg{At: n.At, Name: n.Name, X: p.emit(n.X, j)}
	}
	// an opaque node reads input columns by name
	astwalk.Inspect(x, func(y ast.Node) bool {
		if id, ok := y.(*ast.Ident); ok {
			if c := p.column(id); c != "" {
				p.passInput(c, j)
			}
		}
		return true
	})
	return x
}

func (p *plan) emitAll(xs []ast.Expr, j int) []ast.Expr {
	out := make([]ast.Expr, len(xs))
	for i, x := range xs {
		out[i] = p.emit(x, j)
	}
	return out
}

// emitCall is call n computed in stage j: a row function as its
// function over the cross-section, rolling as its func over the window.
func (p *plan) emitCall(n *ast.CallExpr, j int) ast.Expr {
	name := calleeName(n)
	switch classify(name) {
	case window:
		r := p.rolling(n)
		return &ast.CallExpr{At: n.At, Fn: r.fn, Args: p.emitAll(r.funcArgs, j)}
	case cross:
		args := p.emitAll(n.Args, j)
		switch name {
		case "byRow":
			return &ast.CallExpr{At: n.At, Fn: args[0], Args: args[1:]}
		case "rowXor":
			return &ast.CallExpr{At: n.At, Fn: &ast.Ident{Name: "reduce"}, Args: append([]ast.Expr{&ast.Ident{Name: "xor"}}, args...)}
		}
		return &ast.CallExpr{At: n.At, Fn: &ast.Ident{Name: rowFuncs[name]}, Args: args}
	}
	c := *n
	c.Args = p.emitAll(n.Args, j)
	return &c
}

// output is the column of stage s that holds x, added when missing.
func (p *plan) output(x ast.Expr, s int) string {
	e := p.emit(x, s)
	st := p.stages[s]
	if name, ok := st.byText[unparse.Metacode(e)]; ok {
		return name
	}
	name := "col_" + strconv.Itoa(p.next) + "_"
	p.next++
	st.add(name, e)
	return name
}

// pass has stages from..to-1 carry column name on.
func (p *plan) pass(name string, from, to int) {
	for t := from; t < to; t++ {
		if p.automatic(name) || p.stages[t].has(name) {
			continue
		}
		var x ast.Expr = &ast.Ident{Name: name}
		if p.stages[t].kind == window {
			x = &ast.CallExpr{Fn: &ast.Ident{Name: "last"}, Args: []ast.Expr{x}}
		}
		p.stages[t].add(name, x)
	}
}

// passInput has the stages before j carry input column c on.
func (p *plan) passInput(c string, j int) { p.pass(c, 0, j) }

// automatic reports whether every stage's output has column name: the
// keys and the time column.
func (p *plan) automatic(name string) bool {
	if strings.EqualFold(name, p.time) && p.time != "" {
		return true
	}
	for _, k := range p.keys {
		if strings.EqualFold(name, k) {
			return true
		}
	}
	return false
}
