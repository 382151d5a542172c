package partition

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// NewValuePolicy is newValuePartitionPolicy: what an append does with a
// value no VALUE partition holds.
type NewValuePolicy uint8

const (
	// SkipNewValues drops the row (DolphinDB's default, "skip").
	SkipNewValues NewValuePolicy = iota
	// AddNewValues adds a partition for the value ("add").
	AddNewValues
	// FailNewValues fails the append ("fail").
	FailNewValues
)

// ParseNewValuePolicy reads newValuePartitionPolicy's text; anything but
// add and fail is skip.
func ParseNewValuePolicy(s string) NewValuePolicy {
	switch s {
	case "add":
		return AddNewValues
	case "fail":
		return FailNewValues
	}
	return SkipNewValues
}

// Router sends the rows of an append to partitions, applying the policies
// for rows outside the scheme.
type Router struct {
	// Levels are the domain's levels (one unless COMPO). Route does not
	// change them: partitions it adds are in Routing.Grown.
	Levels []Domain
	// IgnoreSpecial drops special characters from directory names
	// (ignoreSpecialCharacterInPartitionId), so values may share a path.
	IgnoreSpecial bool
	// DropNulls drops rows with a NULL partitioning value before mapping
	// (in-memory partitioned tables: INSERT INTO without the partitioning
	// column writes nothing).
	DropNulls bool
	// NewValues applies to VALUE levels.
	NewValues NewValuePolicy
	// FailMissing fails the append on a value outside the scheme of a
	// level that is not VALUE, or of a VALUE level under SkipNewValues
	// (allowMissingPartitions=false); otherwise the row is dropped.
	FailMissing bool
}

// Routing is where Route sends each row.
type Routing struct {
	// Part is, per row, an index into Paths, or -1 when the row is dropped.
	Part []int32
	// Paths are the chunk paths in first-seen order.
	Paths []string
	// Rows counts the rows per path.
	Rows []int
	// Grown is, when AddNewValues added partitions, the levels with them
	// (the changed VALUE levels copied and grown, the others as given);
	// nil otherwise. Added holds each grown level's new values.
	Grown []Domain
	Added []*value.Vector
}

// Path is a partition's chunk path: each level's directory joined by "/".
func Path(levels []Domain, levelIdx []int, ignoreSpecial bool) string {
	var b strings.Builder
	for l, dom := range levels {
		b.WriteByte('/')
		b.WriteString(dom.DirName(levelIdx[l], ignoreSpecial))
	}
	return b.String()
}

// Route maps every row to its partition path; cols holds each level's
// partitioning column.
func (r *Router) Route(cols []*value.Vector) (*Routing, error) {
	levels := r.Levels
	rows := 0
	if len(cols) > 0 {
		rows = cols[0].Len()
	}
	// sel lists the rows kept; nil means all of them.
	var sel []int
	if r.DropNulls {
		drop := false
		for _, c := range cols {
			if c.HasNull() {
				drop = true
			}
		}
		if drop {
			sel = make([]int, 0, rows)
		next:
			for i := 0; i < rows; i++ {
				for _, c := range cols {
					if c.IsNull(i) {
						continue next
					}
				}
				sel = append(sel, i)
			}
		}
	}
	nsel := rows
	if sel != nil {
		nsel = len(sel)
	}
	out := &Routing{}
	levelIdx := make([][]int32, len(levels))
	for l, dom := range levels {
		col := cols[l]
		if sel != nil {
			col = col.Gather(sel)
		}
		idx, err := dom.Map(col)
		if err != nil {
			return nil, err
		}
		if vd, ok := dom.(*Value); ok {
			switch r.NewValues {
			case AddNewValues:
				var missing []int
				for i, x := range idx {
					if x < 0 {
						missing = append(missing, i)
					}
				}
				if len(missing) > 0 {
					grown := vd.Clone()
					added := col.Gather(missing)
					if _, err := grown.AddValues(added); err != nil {
						return nil, err
					}
					if idx, err = grown.Map(col); err != nil {
						return nil, err
					}
					if out.Grown == nil {
						out.Grown = append([]Domain(nil), levels...)
						out.Added = make([]*value.Vector, len(levels))
					}
					out.Grown[l] = grown
					out.Added[l] = added
				}
			case FailNewValues:
				for _, x := range idx {
					if x < 0 {
						return nil, ErrNotInScheme
					}
				}
			default:
				// skip drops the row only while allowMissingPartitions
				// is true; otherwise it fails the append as fail does
				// (function_configuration.md, newValuePartitionPolicy).
				if r.FailMissing && slices.Contains(idx, -1) {
					return nil, ErrNotInScheme
				}
			}
		} else if r.FailMissing {
			for _, x := range idx {
				if x < 0 {
					return nil, ErrNotInScheme
				}
			}
		}
		levelIdx[l] = idx
	}
	if out.Grown != nil {
		levels = out.Grown
	}
	// Number each row's partition by a mixed-radix key and give each new
	// key its path's index. The per-row result overwrites levelIdx[0]
	// (each row's level indexes are read before its slot is written) to
	// spare a 4-byte-per-row array on large appends.
	radix := make([]int64, len(levels))
	space := int64(1)
	for l, dom := range levels {
		radix[l] = int64(dom.Len()) + 1
		if space <= 1<<20 {
			space *= radix[l]
		}
	}
	var dense []int32 // key -> path index+1, when the key space is small
	if space <= 1<<16 {
		dense = make([]int32, space)
	}
	byKey := map[int64]int32{}
	pathIdx := map[string]int32{}
	part := levelIdx[0]
	if sel != nil {
		part = make([]int32, nsel)
	}
	idx := make([]int, len(levels))
	for k := 0; k < nsel; k++ {
		key := int64(0)
		ok := true
		for l := range levels {
			x := levelIdx[l][k]
			if x < 0 {
				ok = false
				break
			}
			key = key*radix[l] + int64(x)
		}
		if !ok {
			part[k] = -1
			continue
		}
		var p int32
		seen := false
		if dense != nil {
			p = dense[key] - 1
			seen = p >= 0
		} else {
			p, seen = byKey[key]
		}
		if !seen {
			for l := range levels {
				idx[l] = int(levelIdx[l][k])
			}
			// partitions that share a path (special characters) share a chunk
			path := Path(levels, idx, r.IgnoreSpecial)
			if p, seen = pathIdx[path]; !seen {
				p = int32(len(out.Paths))
				pathIdx[path] = p
				out.Paths = append(out.Paths, path)
				out.Rows = append(out.Rows, 0)
			}
			if dense != nil {
				dense[key] = p + 1
			} else {
				byKey[key] = p
			}
		}
		part[k] = p
		out.Rows[p]++
	}
	if sel == nil {
		out.Part = part
		return out, nil
	}
	out.Part = make([]int32, rows)
	for i := range out.Part {
		out.Part[i] = -1
	}
	for k, row := range sel {
		out.Part[row] = part[k]
	}
	return out, nil
}

// Groups lists each path's rows (ascending), for callers that gather.
func (r *Routing) Groups() map[string][]int {
	starts := make([]int, len(r.Paths)+1)
	for p, n := range r.Rows {
		starts[p+1] = starts[p] + n
	}
	flat := make([]int, starts[len(r.Paths)])
	fill := append([]int(nil), starts[:len(r.Paths)]...)
	for row, p := range r.Part {
		if p >= 0 {
			flat[fill[p]] = row
			fill[p]++
		}
	}
	out := make(map[string][]int, len(r.Paths))
	for p, path := range r.Paths {
		out[path] = flat[starts[p]:starts[p+1]:starts[p+1]]
	}
	return out
}
