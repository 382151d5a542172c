package analytic

import (
	"fmt"
	"strconv"

	"github.com/porpoisedb/porpoise/query/window"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// frameKernel names the moving (m*) and cumulative (cum*) functions that
// compute an aggregate over frames ending at each row, and how many
// columns the aggregate takes.
type frameKernel struct {
	moving, cumulative string
	args               int
}

// frameKernels are the aggregates groupagg has no typed loop for but the
// library has moving and cumulative functions for: a frame that starts at
// its partition's first row, or always spans the same number of rows
// (fewer at the partition's start), is one such call per partition
// instead of one call per frame.
var frameKernels = map[string]frameKernel{
	"stdp":     {"mstdp", "cumstdp", 1},
	"varp":     {"mvarp", "cumvarp", 1},
	"prod":     {"mprod", "cumprod", 1},
	"sum2":     {"msum2", "cumsum2", 1},
	"firstNot": {"mfirstNot", "cumfirstNot", 1},
	"lastNot":  {"mlastNot", "cumlastNot", 1},
	"wsum":     {"mwsum", "cumwsum", 2},
	"corr":     {"mcorr", "cumcorr", 2},
	"covar":    {"mcovar", "cumcovar", 2},
	"beta":     {"mbeta", "cumbeta", 2},
}

// kernelAggregate computes aggregate name over frames f of the sorted
// rows with its moving or cumulative function when f's shape allows;
// ok is false otherwise (or when an argument is not a full column).
func (c *calc) kernelAggregate(name string, args []value.Value, sorted []*value.Vector, parts window.Partitions, f window.Frames) (v *value.Vector, ok bool, err error) {
	k, found := frameKernels[name]
	if !found || len(args) != k.args {
		return nil, false, nil
	}
	for _, a := range sorted {
		if a == nil {
			return nil, false, nil
		}
	}
	width, cumulative, ok := kernelFrames(parts, f)
	if !ok {
		return nil, false, nil
	}
	fn := k.moving
	if cumulative {
		fn = k.cumulative
	}
	n := len(f.Lo)
	names := make([]string, len(sorted))
	callArgs := make([]ast.Expr, 0, len(sorted)+2)
	for i := range sorted {
		names[i] = fmt.Sprintf("\x00arg%d", i)
		callArgs = append(callArgs, &ast.Ident{Name: names[i]})
	}
	if !cumulative {
		callArgs = append(callArgs,
			&ast.Literal{Kind: ast.LitInt, Text: strconv.Itoa(width)},
			&ast.NamedArg{Name: "minPeriods", X: &ast.Literal{Kind: ast.LitInt, Text: "1"}})
	}
	call := &ast.CallExpr{Fn: &ast.Ident{Name: fn}, Args: callArgs}
	var out *value.Vector
	cols := make([]*value.Vector, len(sorted))
	for p := 0; p+1 < len(parts.Starts); p++ {
		s, e := parts.Starts[p], parts.Starts[p+1]
		for i, a := range sorted {
			cols[i] = a.Slice(s, e)
		}
		r, err := c.h.EvalTable(value.NewTable(names, cols), call)
		if err != nil {
			return nil, false, err
		}
		rv, isVec := r.(*value.Vector)
		if !isVec || rv.Len() != e-s {
			return nil, false, nil
		}
		if out == nil {
			out = value.NewVector(rv.T, 0, n)
			out.Scale = rv.Scale
		}
		if err := cast.AppendVector(out, rv); err != nil {
			return nil, false, nil
		}
	}
	if out == nil {
		return nil, false, nil
	}
	// a frame's value is the kernel's at the frame's last row
	last := make([]int, n)
	for i := range last {
		last[i] = f.Hi[i] - 1
	}
	return out.Gather(last), true, nil
}

// kernelFrames reports whether every frame is non-empty, inside its
// partition, and either starts at the
// partition's first row (cumulative) or spans width rows, clamped at the
// partition's start.
func kernelFrames(parts window.Partitions, f window.Frames) (width int, cumulative, ok bool) {
	cumulative = true
	for p := 0; p+1 < len(parts.Starts); p++ {
		s, e := parts.Starts[p], parts.Starts[p+1]
		for i := s; i < e; i++ {
			lo, hi := f.Lo[i], f.Hi[i]
			if lo >= hi || lo < s || hi > e {
				return 0, false, false
			}
			if lo != s {
				cumulative = false
			}
			width = max(width, hi-lo)
		}
	}
	if cumulative {
		return 0, true, true
	}
	for p := 0; p+1 < len(parts.Starts); p++ {
		s, e := parts.Starts[p], parts.Starts[p+1]
		for i := s; i < e; i++ {
			if f.Lo[i] != max(f.Hi[i]-width, s) {
				return 0, false, false
			}
		}
	}
	return width, false, true
}
