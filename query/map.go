package query

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// partitionwiseSelect runs queries that work partition by partition on a
// partitioned table: the map keyword (the query runs in each partition
// and the results are concatenated) and where sample(col, size) (a
// random choice of partitions). ok is false for other queries.
func (ex *executor) partitionwiseSelect(n *ast.SelectExpr) (value.Value, bool, error) {
	where, sample := splitSample(n.Where)
	if !n.Map && sample == nil {
		return nil, false, nil
	}
	if _, join := n.From.(*ast.JoinExpr); join {
		return nil, false, nil
	}
	v, err := ex.eval(n.From)
	if err != nil {
		return nil, true, err
	}
	if name, ok := funcs.StringArg(v); ok {
		if v, err = ex.env.ResolveTable(name); err != nil {
			return nil, true, err
		}
	}
	t, ok := ex.env.DFSTable(v)
	if !ok {
		if sample != nil {
			return nil, true, errors.New("sample can only be used on a partitioned table.")
		}
		return nil, false, nil // map over an in-memory table: one partition
	}
	q := *n
	q.Where, q.Map = where, false
	parts, err := partitionList(t, ex.pruneFilter(t, where))
	if err != nil {
		return nil, true, err
	}
	if sample != nil {
		if parts, err = ex.samplePartitions(sample, parts); err != nil {
			return nil, true, err
		}
	}
	names, _, _ := t.Schema()
	cols := neededColumnNames(&q, names)
	scan := func(keep dfs.PartitionFilter) (*value.Table, error) {
		return ex.scanDFS(t, keep, cols)
	}
	if !n.Map {
		src, err := scan(partitionsFilter(parts))
		if err != nil {
			return nil, true, err
		}
		v, err := ex.selectOn(&q, src)
		return v, true, err
	}
	var results []value.Value
	for _, p := range parts {
		src, err := scan(partitionsFilter([][]int{p}))
		if err != nil {
			return nil, true, err
		}
		if src.Rows() == 0 {
			continue
		}
		r, err := ex.selectOn(&q, src)
		if err != nil {
			return nil, true, err
		}
		results = append(results, r)
	}
	v, err = concatResults(results)
	return v, true, err
}

// splitSample takes a sample(col, size) condition out of the where list.
func splitSample(where []ast.Expr) ([]ast.Expr, *ast.CallExpr) {
	var rest []ast.Expr
	var sample *ast.CallExpr
	for _, w := range where {
		if c, ok := w.(*ast.CallExpr); ok && !c.Method {
			if id, ok := c.Fn.(*ast.Ident); ok && strings.EqualFold(id.Name, "sample") && len(c.Args) == 2 {
				sample = c
				continue
			}
		}
		rest = append(rest, w)
	}
	return rest, sample
}

// partitionList lists the partitions keep admits, in order, without
// reading them (the filter records what the scan would visit).
func partitionList(t *dfs.Table, keep dfs.PartitionFilter) ([][]int, error) {
	var parts [][]int
	seen := map[string]bool{}
	_, err := t.Scan(func(idx []int) bool {
		if keep == nil || keep(idx) {
			k := fmt.Sprint(idx)
			if !seen[k] {
				seen[k] = true
				parts = append(parts, append([]int(nil), idx...))
			}
		}
		return false
	})
	return parts, err
}

// partitionsFilter admits exactly the listed partitions.
func partitionsFilter(parts [][]int) dfs.PartitionFilter {
	return func(idx []int) bool {
		for _, p := range parts {
			if slices.Equal(p, idx) {
				return true
			}
		}
		return false
	}
}

// samplePartitions picks int(N*size) (0 < size < 1) or size random
// partitions of the N listed.
func (ex *executor) samplePartitions(c *ast.CallExpr, parts [][]int) ([][]int, error) {
	sv, err := ex.eval(c.Args[1])
	if err != nil {
		return nil, err
	}
	s, ok := sv.(*value.Scalar)
	if !ok || s.IsNull() || !s.T.IsNumeric() {
		return nil, ddberr.Errorf("The size of sample must be a positive number.")
	}
	n := len(parts)
	k := 0
	if s.T.Category() == value.CatFloating {
		f := s.Float64()
		if f <= 0 || f >= 1 {
			return nil, ddberr.Errorf("The size of sample must be a fraction between 0 and 1 or a positive integer.")
		}
		k = int(float64(n) * f)
	} else {
		x, _ := s.Int64()
		if x <= 0 {
			return nil, ddberr.Errorf("The size of sample must be a fraction between 0 and 1 or a positive integer.")
		}
		k = int(min(x, int64(n)))
	}
	pick := rand.Perm(n)[:k]
	slices.Sort(pick)
	out := make([][]int, k)
	for i, j := range pick {
		out[i] = parts[j]
	}
	return out, nil
}

// concatResults appends per-partition results (tables by rows, vectors
// by elements, scalars into a vector).
func concatResults(rs []value.Value) (value.Value, error) {
	if len(rs) == 0 {
		return value.NewTable(nil, nil), nil
	}
	switch first := rs[0].(type) {
	case *value.Table:
		out := first.EmptyLike(0)
		for _, r := range rs {
			t, ok := r.(*value.Table)
			if !ok || len(t.Cols) != len(out.Cols) {
				return nil, ddberr.Errorf("The partitions' results differ in form.")
			}
			for i, c := range t.Cols {
				if err := cast.AppendVector(out.Cols[i], c); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case *value.Vector:
		parts := make([]value.Value, len(rs))
		copy(parts, rs)
		return ctxby.Concat(parts, 0)
	}
	return cast.FromScalars(rs)
}
