package analytic

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/orderkey"
	"github.com/porpoisedb/porpoise/query/window"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Host is what the analytic functions need from the query running them.
type Host interface {
	// Eval evaluates e outside any table's scope (frame offsets).
	Eval(e ast.Expr) (value.Value, error)
	// EvalTable evaluates e with t's columns in scope.
	EvalTable(t *value.Table, e ast.Expr) (value.Value, error)
	// Keys evaluates partition or order expressions over t, one column
	// each.
	Keys(t *value.Table, exprs []ast.Expr) ([]*value.Vector, error)
	// IsAggregate reports whether name is a built-in aggregate (not a
	// user function of the session).
	IsAggregate(name string) bool
	// PerGroup evaluates call once per group of t's rows, one scalar
	// each, into a column called name.
	PerGroup(t *value.Table, g *groupagg.Groups, call *ast.CallExpr, name string) (*value.Vector, error)
}

// calc computes the analytic calls of one select list.
type calc struct{ h Host }

var (
	errRangeOrder = ddberr.Errorf("A RANGE window frame with an offset needs exactly one ORDER BY column of an integral or temporal type.")
	errArguments  = ddberr.Errorf("Unexpected function arguments in analytic function. RefId: S02044")
)

// Has reports whether any select item holds an analytic call.
func Has(cols []ast.Expr) bool {
	found := false
	for _, c := range cols {
		astwalk.Inspect(c, func(n ast.Node) bool {
			if _, ok := n.(*ast.OverExpr); ok {
				found = true
			}
			return !found
		})
	}
	return found
}

// overPlaceholder names the column holding analytic call k's values.
func overPlaceholder(k int) string { return fmt.Sprintf("\x00over%d", k) }

// Apply computes the analytic calls of n's select list over src with h.
// It returns a copy of n whose items read them from placeholder columns
// of the returned table (src plus those columns).
func Apply(h Host, n *ast.SelectExpr, src *value.Table) (*ast.SelectExpr, *value.Table, error) {
	c := &calc{h: h}
	names := append([]string(nil), src.Names...)
	cols := append([]*value.Vector(nil), src.Cols...)
	var items []ast.Expr
	var err error
	replace := func(e ast.Expr) ast.Expr {
		return Replace(e, func(x *ast.OverExpr) ast.Expr {
			var v *value.Vector
			if err != nil {
				return x
			}
			if v, err = c.analytic(x, src); err != nil {
				return x
			}
			name := overPlaceholder(len(names) - len(src.Names))
			names, cols = append(names, name), append(cols, v)
			return &ast.Ident{At: x.At, Name: name}
		})
	}
	for _, c := range n.Cols {
		if _, ok := c.(*ast.StarExpr); ok {
			// select * leaves out the placeholders, as it does a
			// join's internal columns (their names start with \x00)
			items = append(items, c)
			continue
		}
		r := replace(c)
		if _, alias := c.(*ast.AliasExpr); !alias && r != c {
			r = &ast.AliasExpr{At: c.Pos(), X: r, Name: colname.Of(c)}
		}
		items = append(items, r)
	}
	if err != nil {
		return nil, nil, err
	}
	q := *n
	q.Cols = items
	return &q, value.NewTable(names, cols), nil
}

// Replace returns e with each analytic call x replaced by f(x), rebuilding
// the operators, calls and aliases above them: it looks for analytic
// calls below those only.
func Replace(e ast.Expr, f func(*ast.OverExpr) ast.Expr) ast.Expr {
	return astwalk.Rewrite(e, func(x ast.Expr) (ast.Expr, bool) {
		switch x := x.(type) {
		case *ast.OverExpr:
			return f(x), true
		case *ast.AliasExpr, *ast.ParenExpr, *ast.UnaryExpr, *ast.BinaryExpr, *ast.CallExpr:
			return x, false
		}
		return x, true
	})
}

// Column computes one analytic call over src's rows, in their order.
func Column(h Host, o *ast.OverExpr, src *value.Table) (*value.Vector, error) {
	return (&calc{h: h}).analytic(o, src)
}

// analyticOrder is the rows of src sorted for one window: partition by
// partition, each in ORDER BY order (input order for ties).
type analyticOrder struct {
	g     *groupagg.Groups // the partitions over src's rows
	perm  []int            // sorted position -> src row
	parts window.Partitions
	keys  []*value.Vector // the order keys, sorted
}

func (c *calc) analyticSort(o *ast.OverExpr, src *value.Table) (*analyticOrder, error) {
	pkeys, err := c.h.Keys(src, o.PartitionBy)
	if err != nil {
		return nil, err
	}
	g := groupagg.Group(pkeys, src.Rows())
	g.Index()
	ao := &analyticOrder{g: g, perm: g.Perm, parts: window.Partitions{Starts: g.Starts}}
	if len(o.OrderBy) == 0 {
		return ao, nil
	}
	okeys := make([]ast.Expr, len(o.OrderBy))
	for i, it := range o.OrderBy {
		okeys[i] = it.X
	}
	keys, err := c.h.Keys(src, okeys)
	if err != nil {
		return nil, err
	}
	perm := append([]int(nil), g.Perm...)
	if sorted := rowsort.Sort(orderkey.Grouped(g.IDs, orderkey.Keys(keys, o.OrderBy)), len(g.IDs), rowsort.KeepAll).Permutation(); sorted != nil {
		for i, r := range sorted {
			perm[i] = int(r)
		}
	}
	ao.perm = perm
	ao.keys = make([]*value.Vector, len(keys))
	for i, k := range keys {
		ao.keys[i] = k.Gather(perm)
	}
	return ao, nil
}

// peers marks the sorted rows that start a peer group (equal order keys).
func (ao *analyticOrder) peers() []bool {
	var same func(i int) bool
	if len(ao.keys) > 0 {
		same = func(i int) bool {
			for _, k := range ao.keys {
				if value.CompareElems(k, i-1, i) != 0 {
					return false
				}
			}
			return true
		}
	}
	return window.Peers(ao.parts, len(ao.perm), same)
}

// analytic computes one analytic call's values in src's row order.
func (c *calc) analytic(o *ast.OverExpr, src *value.Table) (*value.Vector, error) {
	id, ok := o.Call.Fn.(*ast.Ident)
	if !ok || o.Call.Method {
		return nil, ddberr.Errorf("Analytic function does not support function '%s'. RefId: S02049", unparse.Metacode(o.Call.Fn))
	}
	name := strings.ToLower(id.Name)
	ao, err := c.analyticSort(o, src)
	if err != nil {
		return nil, err
	}
	n := src.Rows()
	args := make([]value.Value, len(o.Call.Args))
	for i, a := range o.Call.Args {
		if _, star := a.(*ast.StarExpr); star || a == nil {
			continue
		}
		if args[i], err = c.h.EvalTable(src, a); err != nil {
			return nil, err
		}
	}
	var sorted *value.Vector
	switch name {
	case "row_number":
		sorted = value.NewInts(window.RowNumber(ao.parts, n))
	case "rank", "dense_rank":
		sorted = value.NewInts(window.Rank(ao.parts, ao.peers(), name == "dense_rank"))
	case "percent_rank":
		sorted = value.NewDoubles(window.PercentRank(ao.parts, ao.peers()))
	case "cume_dist":
		sorted = value.NewDoubles(window.CumeDist(ao.parts, ao.peers()))
	case "ntile":
		k, err := intArg(name, args, 0, 0)
		if err != nil {
			return nil, err
		}
		if k <= 0 {
			return nil, ddberr.Errorf("The argument of %s must be a positive integer.", "ntile")
		}
		sorted = value.NewInts(window.Ntile(ao.parts, n, k))
	case "lead", "lag":
		if sorted, err = ao.shifted(name, args); err != nil {
			return nil, err
		}
	case "first_value", "last_value", "nth_value":
		x, err := ao.sortedArg(name, args, 0, n)
		if err != nil {
			return nil, err
		}
		f, err := c.frames(o, ao, src)
		if err != nil {
			return nil, err
		}
		k := int64(1)
		if name == "nth_value" {
			if k, err = intArg(name, args, 1, 0); err != nil {
				return nil, err
			}
		}
		sorted = value.GatherOrNull(x, window.Nth(f, k, name == "last_value"))
	default:
		// the library's names are camel case (firstNot, imaxLast, the
		// page's analytic functions); SUM is sum
		if c.h.IsAggregate(id.Name) {
			name = id.Name
		} else if !c.h.IsAggregate(name) {
			return nil, ddberr.Errorf("Analytic function does not support function '%s'. RefId: S02049", id.Name)
		}
		if o.Frame == nil && len(o.OrderBy) == 0 {
			if sorted, err = c.partitionAggregate(o.Call, name, args, ao, src); err != nil {
				return nil, err
			}
			break
		}
		f, err := c.frames(o, ao, src)
		if err != nil {
			return nil, err
		}
		if sorted, err = c.frameAggregate(o.Call, name, args, ao, f); err != nil {
			return nil, err
		}
	}
	pos := make([]int32, n)
	for k, r := range ao.perm {
		pos[k] = int32(r)
	}
	return sorted.Scatter(pos, n), nil
}

// intArg reads an optional integer argument (def when absent).
func intArg(fn string, args []value.Value, i int, def int64) (int64, error) {
	if i >= len(args) || args[i] == nil {
		return def, nil
	}
	s, ok := args[i].(*value.Scalar)
	if ok {
		if k, ok := s.Int64(); ok {
			return k, nil
		}
	}
	return 0, ddberr.Errorf("The argument of %s must be an integer scalar.", fn)
}

// sortedArg is argument i as a vector in sorted order.
func (ao *analyticOrder) sortedArg(fn string, args []value.Value, i, n int) (*value.Vector, error) {
	if i >= len(args) || args[i] == nil {
		return nil, errArguments
	}
	v, err := value.Broadcast(args[i], n)
	if err != nil {
		return nil, err
	}
	return v.Gather(ao.perm), nil
}

// shifted is lead(x, offset=1, default=NULL) or lag: the value offset rows
// later (earlier) in the partition, default past its end.
func (ao *analyticOrder) shifted(name string, args []value.Value) (*value.Vector, error) {
	n := len(ao.perm)
	x, err := ao.sortedArg(name, args, 0, n)
	if err != nil {
		return nil, err
	}
	off, err := intArg(name, args, 1, 1)
	if err != nil {
		return nil, err
	}
	if name == "lag" {
		off = -off
	}
	idx := window.Offset(ao.parts, n, off)
	out := value.GatherOrNull(x, idx)
	if len(args) < 3 || args[2] == nil {
		return out, nil
	}
	d, ok := args[2].(*value.Scalar)
	if !ok {
		return nil, ddberr.Errorf("The default value of %s must be a scalar.", name)
	}
	dv, err := value.Broadcast(d, 1)
	if err != nil {
		return nil, err
	}
	if dv.T != x.T {
		if dv, err = cast.Vector(dv, x.T, x.Scale); err != nil {
			return nil, err
		}
	}
	for i, j := range idx {
		if j < 0 {
			out.SetFrom(i, dv, 0)
		}
	}
	return out, nil
}

// frames gives every sorted row's window frame: the query's, or the
// default (the whole partition without ORDER BY, else the rows up to the
// current row's last peer).
func (c *calc) frames(o *ast.OverExpr, ao *analyticOrder, src *value.Table) (window.Frames, error) {
	n := len(ao.perm)
	fr := o.Frame
	if fr == nil {
		if len(o.OrderBy) == 0 {
			return window.Whole(ao.parts, n), nil
		}
		fr = &ast.WindowFrame{Range: true, Lo: ast.FrameBound{Kind: ast.UnboundedPreceding}, Hi: ast.FrameBound{Kind: ast.CurrentRow}}
	}
	if !fr.Range {
		lo, err := c.rowsBound(fr.Lo)
		if err != nil {
			return window.Frames{}, err
		}
		hi, err := c.rowsBound(fr.Hi)
		if err != nil {
			return window.Frames{}, err
		}
		return window.Rows(ao.parts, n, lo, hi), nil
	}
	if fr.Lo.N == nil && fr.Hi.N == nil {
		// peers bound a RANGE frame without offsets, whatever the keys
		return window.PeerFrames(ao.parts, ao.peers(), fr.Lo.Kind == ast.UnboundedPreceding, fr.Hi.Kind == ast.UnboundedFollowing), nil
	}
	if len(ao.keys) != 1 {
		return window.Frames{}, errRangeOrder
	}
	key := ao.keys[0]
	ks, null, ok := groupagg.Int64sOf(key)
	if !ok {
		return window.Frames{}, errRangeOrder
	}
	desc := o.OrderBy[0].Desc
	lo, err := c.rangeBound(fr.Lo, key, ks, desc)
	if err != nil {
		return window.Frames{}, err
	}
	hi, err := c.rangeBound(fr.Hi, key, ks, desc)
	if err != nil {
		return window.Frames{}, err
	}
	if desc {
		neg := make([]int64, len(ks))
		for i, k := range ks {
			neg[i] = -k
		}
		ks = neg
	}
	return window.Range(ao.parts, ks, null, lo, hi), nil
}

// rowsBound reads a ROWS frame bound: its offset must be an integer.
func (c *calc) rowsBound(b ast.FrameBound) (window.Bound, error) {
	switch b.Kind {
	case ast.UnboundedPreceding, ast.UnboundedFollowing:
		return window.Bound{Unbounded: true}, nil
	case ast.CurrentRow:
		return window.Bound{}, nil
	}
	v, err := c.h.Eval(b.N)
	if err != nil {
		return window.Bound{}, err
	}
	k, err := intArg("ROWS", []value.Value{v}, 0, 0)
	if err != nil || k < 0 {
		return window.Bound{}, ddberr.Errorf("The offset of a %s window frame must be a non-negative integer%s.", "ROWS", "")
	}
	if b.Kind == ast.Preceding {
		k = -k
	}
	return window.Bound{Offset: k}, nil
}

// rangeBound reads a RANGE frame bound: each row's key moved by the
// offset (an integer in the key's unit, or a DURATION), toward smaller
// keys for PRECEDING in ascending order; negated for a descending key.
func (c *calc) rangeBound(b ast.FrameBound, key *value.Vector, ks []int64, desc bool) (window.RangeBound, error) {
	switch b.Kind {
	case ast.UnboundedPreceding, ast.UnboundedFollowing:
		return window.RangeBound{Unbounded: true}, nil
	case ast.CurrentRow:
		return window.RangeBound{}, nil
	}
	v, err := c.h.Eval(b.N)
	if err != nil {
		return window.RangeBound{}, err
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.Null {
		return window.RangeBound{}, ddberr.Errorf("The offset of a %s window frame must be a non-negative integer%s.", "RANGE", " or duration")
	}
	sign := int64(1)
	if (b.Kind == ast.Preceding) != desc {
		sign = -1
	}
	out := make([]int64, len(ks))
	if s.T == value.Duration {
		moved, err := c.h.EvalTable(value.NewTable([]string{"\x00key"}, []*value.Vector{key}), &ast.CallExpr{
			Fn: &ast.Ident{Name: "temporalAdd"},
			Args: []ast.Expr{
				&ast.Ident{Name: "\x00key"},
				&ast.Literal{Kind: ast.LitInt, Text: strconv.FormatInt(sign*s.I, 10)},
				&ast.Literal{Kind: ast.LitString, Text: value.DurationUnit(s)},
			},
		})
		if err != nil {
			return window.RangeBound{}, err
		}
		mv, ok := moved.(*value.Vector)
		if !ok {
			return window.RangeBound{}, errRangeOrder
		}
		if out, _, ok = groupagg.Int64sOf(mv); !ok {
			return window.RangeBound{}, errRangeOrder
		}
	} else {
		k, ok := s.Int64()
		if !ok || k < 0 || s.T.Category() != value.CatIntegral {
			return window.RangeBound{}, ddberr.Errorf("The offset of a %s window frame must be a non-negative integer%s.", "RANGE", " or duration")
		}
		for i, x := range ks {
			out[i] = x + sign*k
		}
	}
	if desc {
		for i := range out {
			out[i] = -out[i]
		}
	}
	return window.RangeBound{Val: out}, nil
}

// partitionAggregate is an aggregate over whole partitions (no ORDER BY,
// no frame): once per partition, spread over its rows (in sorted order).
func (c *calc) partitionAggregate(call *ast.CallExpr, name string, args []value.Value, ao *analyticOrder, src *value.Table) (*value.Vector, error) {
	g := ao.g
	vecs, ok, err := vectorArgs(args, src.Rows())
	if err != nil {
		return nil, err
	}
	var per *value.Vector
	if ok {
		per, ok = groupagg.Aggregate(name, vecs, g)
	}
	if !ok {
		if per, err = c.h.PerGroup(src, g, call, colname.Of(call)); err != nil {
			return nil, err
		}
	}
	idx := make([]int, len(ao.perm))
	for k, r := range ao.perm {
		idx[k] = int(g.IDs[r])
	}
	return per.Gather(idx), nil
}

// vectorArgs are an aggregate's arguments as full columns; ok is false
// when one is a constant (the built-in then runs per group as written).
func vectorArgs(args []value.Value, n int) ([]*value.Vector, bool, error) {
	var vecs []*value.Vector
	for _, a := range args {
		if a == nil {
			continue
		}
		v, ok := a.(*value.Vector)
		if !ok || v.Len() != n {
			return nil, false, nil
		}
		vecs = append(vecs, v)
	}
	return vecs, true, nil
}

// frameAggregate is an aggregate over each sorted row's frame: running
// sums for count/sum/avg, else every frame's rows gathered as one group
// of a grouping (one typed pass where groupAggregate has a loop).
func (c *calc) frameAggregate(call *ast.CallExpr, name string, args []value.Value, ao *analyticOrder, f window.Frames) (*value.Vector, error) {
	n := len(ao.perm)
	sortedArgs := make([]*value.Vector, len(args))
	for i, a := range args {
		if v, ok := a.(*value.Vector); ok && v.Len() == n {
			sortedArgs[i] = v.Gather(ao.perm)
		}
	}
	if v, ok := runningAggregate(name, sortedArgs, f, n); ok {
		return v, nil
	}
	if v, ok, err := c.kernelAggregate(name, args, sortedArgs, ao.parts, f); ok || err != nil {
		return v, err
	}
	// every non-empty frame becomes a group of the gathered rows
	var idx []int
	g := &groupagg.Groups{}
	slot := make([]int, n)
	for i := 0; i < n; i++ {
		lo, hi := f.Lo[i], f.Hi[i]
		if lo >= hi {
			slot[i] = -1
			continue
		}
		slot[i] = g.N
		g.First = append(g.First, len(idx))
		g.Starts = append(g.Starts, len(idx))
		for j := lo; j < hi; j++ {
			idx = append(idx, j)
			g.IDs = append(g.IDs, int32(g.N))
		}
		g.N++
	}
	g.Starts = append(g.Starts, len(idx))
	g.Perm = value.Iota(len(idx))
	var names []string
	var cols []*value.Vector
	callArgs := make([]ast.Expr, len(call.Args))
	copy(callArgs, call.Args)
	var vecs []*value.Vector
	fast := true
	for i, a := range sortedArgs {
		if a == nil {
			fast = fast && args[i] == nil
			continue
		}
		v := a.Gather(idx)
		vecs = append(vecs, v)
		names = append(names, fmt.Sprintf("\x00arg%d", i))
		cols = append(cols, v)
		callArgs[i] = &ast.Ident{At: call.At, Name: names[len(names)-1]}
	}
	var per *value.Vector
	ok := false
	if fast {
		per, ok = groupagg.Aggregate(name, vecs, g)
	}
	if !ok {
		if len(cols) == 0 {
			return nil, errArguments
		}
		var err error
		frameCall := &ast.CallExpr{At: call.At, Fn: call.Fn, Args: callArgs}
		if per, err = c.h.PerGroup(value.NewTable(names, cols), g, frameCall, colname.Of(call)); err != nil {
			return nil, err
		}
	}
	return value.GatherOrNull(per, slot), nil
}

// runningAggregate computes count/sum/avg over frames from prefix sums of
// a numeric column; ok is false for anything else.
func runningAggregate(name string, args []*value.Vector, f window.Frames, n int) (*value.Vector, bool) {
	if name == "count" && len(args) == 0 {
		c := make([]int64, n)
		for i := range c {
			c[i] = int64(max(f.Hi[i]-f.Lo[i], 0))
		}
		return kernel.IntsOf(c), true
	}
	if len(args) != 1 || args[0] == nil || !groupagg.FastNumeric(args[0]) {
		return nil, false
	}
	x := args[0]
	switch name {
	case "count", "sum", "avg", "mean":
	default:
		return nil, false
	}
	if x.T.Category() != value.CatFloating {
		ks, null, ok := groupagg.Int64sOf(x)
		if !ok {
			// BOOL
			xs := groupagg.FloatsOf(x)
			s, c := window.FloatSums(xs, f)
			return floatFrameResult(name, s, c), true
		}
		s, c := window.IntSums(ks, null, f)
		switch name {
		case "count":
			return kernel.IntsOf(c), true
		case "sum":
			return groupagg.IntSumVector(s, c, x.T == value.Long), true
		}
		fs := make([]float64, len(s))
		for i, v := range s {
			fs[i] = float64(v)
		}
		return groupagg.MeanVector(fs, c), true
	}
	s, c := window.FloatSums(groupagg.FloatsOf(x), f)
	return floatFrameResult(name, s, c), true
}

func floatFrameResult(name string, s []float64, c []int64) *value.Vector {
	switch name {
	case "count":
		return kernel.IntsOf(c)
	case "sum":
		return groupagg.FloatSumVector(s, c)
	}
	return groupagg.MeanVector(s, c)
}
