package rsengine

import (
	"math"
	"slices"
	"strconv"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/talib"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// A cumulative or recursive function (cumsum, ema, ...) depends on the
// whole history of its key; the engine computes it instead from a state
// it keeps per key, as a column of its own (a node) whose values the
// metrics read. The metrics' other functions then need only the rows
// their windows reach.

// nodeKind is a function the engine keeps a state for.
type nodeKind int

const (
	kEma nodeKind = iota
	kCumsum
	kCumavg
	kCummax
	kCummin
	kCumcount
	kCumprod
	kCumvar
	kCumvarp
	kCumstd
	kCumstdp
	kFfill
	kFirstNot
	kNunique
)

var nodeKinds = map[string]nodeKind{"ema": kEma, "cumsum": kCumsum, "cumavg": kCumavg, "cummax": kCummax, "cummin": kCummin,
	"cumcount": kCumcount, "cumprod": kCumprod, "cumvar": kCumvar, "cumvarp": kCumvarp, "cumstd": kCumstd, "cumstdp": kCumstdp, "ffill": kFfill,
	"cumlastNot": kFfill, "cumfirstNot": kFirstNot, "cumnunique": kNunique}

// node is one call of such a function: its argument (where calls of
// such functions are nodes too) and, for ema, its window.
type node struct {
	fn     string
	kind   nodeKind
	window int
	arg    ast.Expr
	level  int
	name   string
	// extra are the other arguments the kernel reads at the batch's
	// rows, and iter the rest of a stateIterate or conditionalIterate
	// call (iterate.go), gen of a genericStateIterate or
	// genericTStateIterate call (generic.go).
	extra []ast.Expr
	iter  *iterNode
	gen   *genNode
	obj   *objNode
}

// plan is the metrics with their nodes: the expressions reading the
// nodes' columns, and the nodes by level (a node's argument reads only
// nodes of lower levels).
type plan struct {
	nodes  []*node
	exprs  []ast.Expr
	filter ast.Expr
	levels [][]int
}

// nodeState is a key's state of one node.
type nodeState struct {
	started bool
	init    bool
	n       float64
	sum     float64
	isum    int64
	prev    float64
	best    *value.Vector
	seen    map[string]struct{}
	// recent are an iterate node's latest results, as many as its
	// iterate function reads; times are their times and t0 the key's
	// first time, genericTStateIterate's
	recent []float64
	times  []int64
	t0     int64
	// moments are a cumavg, cumvar or cumstd node's
	moments stats.Moments
	// held says the key's values so far held an infinity (see
	// heldOrNull)
	held bool
	// obj is an object node's object of the key (object.go)
	obj *oop.Object
}

// makePlan finds the nodes of the metrics (and filter); nil when there
// are none, or when the rest of the metrics still need the whole
// history, as a node would then gain nothing.
func makePlan(metrics []ast.Expr, filter ast.Expr, z sizer) *plan {
	p := &plan{}
	seen := map[string]*node{}
	// rewrite is x with its nodes read from their columns, and its level:
	// the highest of the nodes it reads.
	var rewrite func(x ast.Expr) (ast.Expr, int)
	rewrite = func(x ast.Expr) (ast.Expr, int) {
		lv := 0
		y := astwalk.Rewrite(x, func(x ast.Expr) (ast.Expr, bool) {
			switch n := x.(type) {
			case *ast.AliasExpr, *ast.ParenExpr, *ast.UnaryExpr, *ast.BinaryExpr, *ast.TernaryExpr, *ast.ArrayExpr:
				return x, false
			case *ast.IndexExpr:
				y, l := rewrite(n.X)
				lv = max(lv, l)
				return &ast.IndexExpr{At: n.At, X: y, Index: n.Index}, true
			case *ast.CallExpr:
				c := &ast.CallExpr{At: n.At, Fn: n.Fn, Args: make([]ast.Expr, len(n.Args)), Method: n.Method}
				l := 0
				for i, a := range n.Args {
					var al int
					c.Args[i], al = rewrite(a)
					l = max(l, al)
				}
				nd := asNode(c)
				if nd == nil {
					lv = max(lv, l)
					return c, true
				}
				key := nd.fn + "(" + unparse.Format(nd.arg) + ")" + strconv.Itoa(nd.window)
				if nd.iter != nil || nd.gen != nil || nd.obj != nil {
					key = unparse.Format(c)
				}
				if old, ok := seen[key]; ok {
					lv = max(lv, old.level)
					return &ast.Ident{At: n.At, Name: old.name}, true
				}
				nd.level = l + 1
				nd.name = "__rsNode" + strconv.Itoa(len(p.nodes))
				seen[key] = nd
				p.nodes = append(p.nodes, nd)
				lv = max(lv, nd.level)
				return &ast.Ident{At: n.At, Name: nd.name}, true
			}
			return x, true
		})
		return y, lv
	}
	p.exprs = make([]ast.Expr, len(metrics))
	for i, x := range metrics {
		p.exprs[i], _ = rewrite(x)
	}
	if filter != nil {
		p.filter, _ = rewrite(filter)
	}
	if len(p.nodes) == 0 {
		return nil
	}
	exprs := append([]ast.Expr{}, p.exprs...)
	if p.filter != nil {
		exprs = append(exprs, p.filter)
	}
	for _, nd := range p.nodes {
		exprs = append(append(exprs, nd.arg), nd.extra...)
		for len(p.levels) < nd.level {
			p.levels = append(p.levels, nil)
		}
	}
	// an object node has no other way to run: its objects live in the
	// plan's states alone
	objects := slices.ContainsFunc(p.nodes, func(nd *node) bool { return nd.obj != nil })
	if _, ok := z.extentOf(exprs); !ok && !objects {
		return nil
	}
	for i, nd := range p.nodes {
		p.levels[nd.level-1] = append(p.levels[nd.level-1], i)
	}
	return p
}

// asNode is the node of a call of a function the engine keeps a state
// for, nil for any other call.
func asNode(c *ast.CallExpr) *node {
	id, ok := c.Fn.(*ast.Ident)
	if !ok {
		return nil
	}
	switch id.Name {
	case "stateIterate", "conditionalIterate":
		return iterateNode(id.Name, c)
	case "stateMavg":
		return stateMavgNode(c)
	case genName, genTName:
		return genericNode(id.Name, c)
	case objName:
		return objectNode(c)
	}
	kind, ok := nodeKinds[id.Name]
	if !ok {
		return nil
	}
	for _, a := range c.Args {
		if _, named := a.(*ast.NamedArg); named || a == nil {
			return nil
		}
	}
	nd := &node{fn: id.Name, kind: kind}
	if kind == kEma {
		if len(c.Args) != 2 {
			return nil
		}
		w, ok := intLit(c.Args[1])
		if !ok || w < 2 {
			return nil
		}
		nd.window = w
	} else if len(c.Args) != 1 {
		return nil
	}
	nd.arg = c.Args[0]
	return nd
}

// step computes node j's values at the batch's rows from its argument
// x (in batch order) and each row's key's state, and appends them to
// the node's column.
func (e *engine) step(j int, x *value.Vector, extra ...*value.Vector) error {
	nd := e.plan.nodes[j]
	var out *value.Vector
	var err error
	switch {
	case nd.iter != nil:
		out, err = e.iterate(j, nd, x, extra[0])
	case nd.gen != nil:
		out, err = e.generic(j, nd, x, extra)
	case nd.obj != nil:
		out, err = e.object(j, nd, x, extra)
	default:
		out, err = e.kernel(j, nd, x)
	}
	if err != nil {
		return err
	}
	col := e.nodeCols[j]
	if col == nil {
		c := out.Like(0)
		c.Scale = out.Scale
		if base := e.hist.Rows() - out.Len(); base > 0 {
			c.AppendNulls(base)
		}
		e.nodeCols[j] = c
		col = c
	}
	if col.T != out.T {
		if out, err = insert.ConvertForVector(out, col.T, col.Scale); err != nil {
			return err
		}
	}
	col.AppendVector(out)
	return nil
}

// fail is the error the function itself gives for x.
func (e *engine) fail(fn string, x *value.Vector, extra ...value.Value) error {
	s, ok := funcs.Lookup(fn)
	if !ok {
		return nil
	}
	_, err := s.Fn(e.bg, append([]value.Value{x}, extra...))
	return err
}

func (e *engine) kernel(j int, nd *node, x *value.Vector) (*value.Vector, error) {
	n := x.Len()
	state := func(r int) *nodeState { return &e.rowGroup[r].states(len(e.plan.nodes))[j] }
	switch nd.kind {
	case kEma:
		xs, _, err := funcs.Floats("ema", x)
		if err != nil || len(xs) != n || x.T.IsArray() {
			if err = e.fail("ema", x, value.NewInt(int32(nd.window))); err != nil {
				return nil, err
			}
			return value.NewNullVector(value.Double, n), nil
		}
		alpha := 2 / float64(nd.window+1)
		out := make([]float64, n)
		for r, v := range xs {
			if v == value.NullFloat64 {
				v = math.NaN()
			}
			out[r] = emaStep(state(r), v, nd.window, alpha)
		}
		return value.NewDoubles(funcs.NullNaN(out)), nil
	case kCumavg, kCumvar, kCumvarp, kCumstd, kCumstdp:
		xs, err := funcs.DoublesOf(nd.fn, x)
		if err != nil {
			return nil, err
		}
		c := stats.CumMoments[nd.fn]
		out := make([]float64, n)
		for r, v := range xs {
			s := state(r)
			if !funcs.IsNullF(v) {
				s.moments.Add(v)
				s.held = s.held || v-v != 0
			}
			if s.moments.N < c.MinN {
				out[r] = value.NullFloat64
			} else {
				out[r] = heldOrNull(c.F(&s.moments), s.held)
			}
		}
		return value.NewDoubles(out), nil
	case kCumprod:
		if funcs.IsIntegralVec(x) {
			xs := funcs.LongsOf(x)
			out := make([]int64, n)
			for r, v := range xs {
				s := state(r)
				if !s.started {
					s.isum = 1
				}
				if v != value.NullInt64 {
					s.isum *= v
					s.started = true
					s.init = true
				}
				s.started = true
				if s.init {
					out[r] = s.isum
				} else {
					out[r] = value.NullInt64
				}
			}
			return value.NewLongs(out), nil
		}
		xs, err := funcs.DoublesOf("cumprod", x)
		if err != nil {
			return nil, err
		}
		out := make([]float64, n)
		for r, v := range xs {
			s := state(r)
			if !s.started {
				s.sum = 1
				s.started = true
			}
			if v != value.NullFloat64 && v == v {
				s.sum *= v
				s.init = true
			}
			if s.init {
				out[r] = s.sum
			} else {
				out[r] = value.NullFloat64
			}
		}
		// an IEEE running product, as cumprod's (see stats.CumSums)
		return value.NewDoubles(funcs.NullNaN(out)), nil
	case kCumcount:
		out := make([]int32, n)
		for r := range out {
			s := state(r)
			if !insert.RowIsNull(x, r) {
				s.n++
			}
			out[r] = int32(s.n)
		}
		return value.NewInts(out), nil
	case kCumsum:
		if funcs.IsIntegralVec(x) {
			xs := funcs.LongsOf(x)
			out := make([]int64, n)
			for r, v := range xs {
				s := state(r)
				if v != value.NullInt64 {
					s.isum += v
					s.started = true
				}
				if s.started {
					out[r] = s.isum
				} else {
					out[r] = value.NullInt64
				}
			}
			t := value.Int
			if x.T == value.Long {
				t = value.Long
			}
			return funcs.FromLongs(t, out), nil
		}
		if !funcs.IsNumericVec(x) {
			return nil, e.fail("cumsum", x)
		}
		xs, err := funcs.DoublesOf("cumsum", x)
		if err != nil {
			return nil, err
		}
		out := make([]float64, n)
		for r, v := range xs {
			s := state(r)
			if v != value.NullFloat64 && v == v {
				s.sum += v
				s.started = true
			}
			if s.started {
				out[r] = s.sum
			} else {
				out[r] = value.NullFloat64
			}
		}
		// an IEEE running sum, inf for good after an infinity or an
		// overflow, as cumsum's (see stats.CumSums)
		return value.NewDoubles(funcs.NullNaN(out)), nil
	case kNunique:
		out := make([]int32, n)
		var key []byte
		for r := range out {
			s := state(r)
			if s.seen == nil {
				s.seen = map[string]struct{}{}
			}
			key = x.AppendKey(key[:0], r)
			s.seen[string(key)] = struct{}{}
			out[r] = int32(len(s.seen))
		}
		return value.NewInts(out), nil
	case kCummax, kCummin, kFfill, kFirstNot:
		dir := 1
		if nd.kind == kCummin {
			dir = -1
		}
		out := value.NewVector(x.T, 0, n)
		out.Scale = x.Scale
		for r := 0; r < n; r++ {
			s := state(r)
			if !insert.RowIsNull(x, r) && (s.best == nil || nd.kind == kFfill || nd.kind != kFirstNot && value.CompareAcross(x, r, s.best, 0)*dir > 0) {
				s.best = x.Slice(r, r+1).Clone()
			}
			if s.best == nil {
				out.AppendNull()
			} else {
				out.AppendFrom(s.best, 0)
			}
		}
		return out, nil
	}
	return value.NewNullVector(value.Double, n), nil
}

// emaStep is ema's value at the next element v (NaN for NULL) of a key
// whose state is s: the average of the first window elements from the
// first valid one, then the next average at each v (funcs/talib's
// emaAlpha, one element at a time). held says the first window held a
// NULL, so the next valid element restarts the average; a NaN from
// infinities stays.
func emaStep(s *nodeState, v float64, size int, alpha float64) float64 {
	if !s.init {
		if !s.started {
			if v != v {
				return math.NaN()
			}
			s.started = true
		}
		s.sum += v
		s.held = s.held || v != v
		s.n++
		if int(s.n) < size {
			return math.NaN()
		}
		s.init = true
		s.prev = s.sum / float64(size)
		return s.prev
	}
	if s.held {
		if v != v {
			return math.NaN()
		}
		s.prev, s.held = v, false
		return s.prev
	}
	if v != v {
		v = 0 // as talib's emaAlpha steps a NULL after the seed
	}
	s.prev = talib.EmaNext(s.prev, v, alpha)
	return s.prev
}

// heldOrNull is a running statistic r of a key as the vector function
// gives it over the key's values so far (stats.NullNonFinite): NaN is
// NULL, and so is an infinity unless those values held one (an overflow
// of finite ones).
func heldOrNull(r float64, held bool) float64 {
	if r-r == 0 || r == r && held { // finite (NULL too), or a held inf
		return r
	}
	return value.NullFloat64
}

// doubles is a DOUBLE vector of xs with NaN and infinities as NULL.
func doubles(xs []float64) *value.Vector { return value.NewDoubles(funcs.Finite(xs)) }

// states is the group's node states, made on first use.
func (g *group) states(n int) []nodeState {
	if g.nodes == nil {
		g.nodes = make([]nodeState, n)
	}
	return g.nodes
}
