package regroup

import (
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Part is one partition's rows, ready for storage: SYMBOL columns as
// codes (cols[i] nil), the others as vectors.
type Part struct {
	Cols  []*value.Vector
	Codes []*storage.SymbolCodes
	Rows  int
}

// ByPath lays full's rows out path by path with one scatter per column
// and returns each path's rows as slices of the result: one sequential
// pass over the input instead of a gather per partition, which re-read the
// whole input once per partition. SYMBOL columns are dictionary-encoded
// straight into their new positions and move as int32 codes. It consumes
// r (r.Part is turned into positions in place).
func ByPath(full *value.Table, r *partition.Routing) map[string]Part {
	bounds := make([]int, len(r.Paths)+1)
	for p, n := range r.Rows {
		bounds[p+1] = bounds[p] + n
	}
	n := bounds[len(r.Paths)]
	fill := append([]int(nil), bounds[:len(r.Paths)]...)
	pos := r.Part
	for i, p := range pos {
		if p >= 0 {
			pos[i] = int32(fill[p])
			fill[p]++
		}
	}
	r.Part = nil
	cols := make([]*value.Vector, len(full.Cols))
	codes := make([]*storage.SymbolCodes, len(full.Cols))
	if value.Invariants {
		for p := range r.Paths {
			if fill[p] != bounds[p+1] {
				panic("invariant: routing counted more rows for a path than it sent there")
			}
		}
	}
	for i, c := range full.Cols {
		if c.T == value.Symbol {
			codes[i] = symbolCodesInto(c, pos, n)
			if value.Invariants {
				value.CheckCodes(codes[i].IDs, len(codes[i].Dict))
			}
			continue
		}
		cols[i] = c.Scatter(pos, n)
	}
	parts := make(map[string]Part, len(r.Paths))
	for k, path := range r.Paths {
		lo, hi := bounds[k], bounds[k+1]
		p := Part{Cols: make([]*value.Vector, len(cols)), Codes: make([]*storage.SymbolCodes, len(cols)), Rows: hi - lo}
		for i, c := range cols {
			if codes[i] != nil {
				p.Codes[i] = codes[i].Slice(lo, hi)
			} else {
				p.Cols[i] = c.Slice(lo, hi)
			}
		}
		parts[path] = p
	}
	return parts
}

// symbolCodesInto is c's rows as storage's symbol codes, moved as ByPath
// moves rows (see storage.EncodeSymbolsInto). A coded column already has
// them: its base, past code 0 (""), is the dictionary, so its codes move
// as they are, unless the base holds more symbols than the rows.
func symbolCodesInto(c *value.Vector, pos []int32, n int) *storage.SymbolCodes {
	codes, base, ok := c.SymbolCodes()
	if !ok || len(base) > len(codes) {
		return storage.EncodeSymbolsInto(c.Strings(), pos, n)
	}
	return storage.NewSymbolCodes(c.Scatter(pos, n).I32, base[1:])
}
