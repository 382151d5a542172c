package dfs

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Append inserts rows by position (tableInsert, append!; stmt for INSERT
// INTO) and returns how many were written: the column rules of semantics.md §4, the
// conversion rules of §3 (DFS: stricter), DFS size limits (§9), partition
// mapping with the out-of-scheme policies (§8), then one transaction.
func (t *Table) Append(ctx context.Context, src *value.Table, stmt bool) (int, error) {
	if t.db.DFS() && stmt && !t.db.cat.cfg.EnableInsertStatementForDFSTable {
		return 0, errors.New("The INSERT INTO statement is not supported for DFS tables. Set the configuration parameter enableInsertStatementForDFSTable=true to enable it.")
	}
	full, width, err := t.prepare(src)
	if err != nil {
		return 0, err
	}
	if full.Rows() == 0 {
		return 0, nil
	}
	r, err := t.route(full)
	if err != nil {
		return 0, err
	}
	if !t.db.DFS() {
		return t.appendMemory(full, r), nil
	}
	return t.appendDFS(ctx, full, width, r)
}

// prepare checks the column count and converts src to the full schema,
// returning the converted table and how many columns src really had.
func (t *Table) prepare(src *value.Table) (*value.Table, int, error) {
	m := src.NumCols()
	n := len(t.names)
	if !t.db.DFS() {
		if m != n {
			return nil, 0, insert.ErrColumnCount
		}
	} else {
		need := 1
		for _, c := range t.partCols {
			need = max(need, c+1)
		}
		if m > n || m < need {
			return nil, 0, insert.ErrDFSColumnCount
		}
	}
	rules := insert.MemoryRules
	if t.db.DFS() {
		rules = insert.DFSRules
	}
	rows := src.Rows()
	cols := make([]*value.Vector, n)
	for i := 0; i < n; i++ {
		if i >= m {
			cols[i] = value.NewNullVector(t.types[i], rows)
			cols[i].Scale = t.scales[i]
			continue
		}
		c := src.Cols[i]
		if c.Len() != rows {
			return nil, 0, insert.ErrColumnLength
		}
		conv, err := insert.ConvertColumn(c, t.types[i], t.scales[i], t.names[i], rules)
		if err != nil {
			return nil, 0, err
		}
		if t.db.DFS() {
			if conv, err = applyLimits(conv); err != nil {
				return nil, 0, err
			}
		}
		cols[i] = conv
	}
	return value.NewTable(t.names, cols), m, nil
}

// DFS size limits (semantics.md §9).
const (
	maxStringBytes = 65535
	maxBlobBytes   = 67108863
	maxSymbolBytes = 255
)

// applyLimits truncates long STRING/BLOB values and rejects long SYMBOLs.
func applyLimits(v *value.Vector) (*value.Vector, error) {
	limit := 0
	switch v.T {
	case value.String:
		limit = maxStringBytes
	case value.Blob:
		limit = maxBlobBytes
	case value.Symbol:
		for _, s := range v.Str {
			if len(s) > maxSymbolBytes {
				return nil, fmt.Errorf("A SYMBOL value can't be longer than %d bytes.", maxSymbolBytes)
			}
		}
		return v, nil
	default:
		return v, nil
	}
	var out *value.Vector
	for i, s := range v.Str {
		if len(s) > limit {
			if out == nil {
				out = v.Clone()
			}
			out.Str[i] = s[:limit]
		}
	}
	if out == nil {
		return v, nil
	}
	return out, nil
}

// routing is where route sends each row of a table.
type routing struct {
	part  []int32  // per row: index into paths, or -1 when the row is dropped
	paths []string // chunk paths in first-seen order
	rows  []int    // rows per path
}

// groups lists each path's rows (ascending), for callers that gather.
func (r *routing) groups() map[string][]int {
	starts := make([]int, len(r.paths)+1)
	for p, n := range r.rows {
		starts[p+1] = starts[p] + n
	}
	flat := make([]int, starts[len(r.paths)])
	fill := append([]int(nil), starts[:len(r.paths)]...)
	for row, p := range r.part {
		if p >= 0 {
			flat[fill[p]] = row
			fill[p]++
		}
	}
	out := make(map[string][]int, len(r.paths))
	for p, path := range r.paths {
		out[path] = flat[starts[p]:starts[p+1]:starts[p+1]]
	}
	return out
}

// route maps every row to its partition path, applying the policies for
// rows outside the scheme.
func (t *Table) route(full *value.Table) (*routing, error) {
	rows := full.Rows()
	if t.dimension {
		return &routing{part: make([]int32, rows), paths: []string{"/"}, rows: []int{rows}}, nil
	}
	db := t.db
	cfg := db.cat.cfg
	db.mu.Lock()
	defer db.mu.Unlock()
	levels := db.levels()
	// In-memory partitioned tables drop rows with a NULL partition value
	// (INSERT INTO without the partitioning column writes nothing). sel
	// lists the rows kept; nil means all of them.
	var sel []int
	if !db.DFS() {
		drop := false
		for _, c := range t.partCols {
			if full.Cols[c].HasNull() {
				drop = true
			}
		}
		if drop {
			sel = make([]int, 0, rows)
		next:
			for i := 0; i < rows; i++ {
				for _, c := range t.partCols {
					if full.Cols[c].IsNull(i) {
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
	levelIdx := make([][]int32, len(levels))
	for l, dom := range levels {
		col := full.Cols[t.partCols[l]]
		if sel != nil {
			col = col.Gather(sel)
		}
		idx, err := dom.Map(col)
		if err != nil {
			return nil, err
		}
		if vd, ok := dom.(*partition.Value); ok && db.DFS() {
			switch cfg.NewValuePartitionPolicy {
			case "add":
				var missing []int
				for i, x := range idx {
					if x < 0 {
						missing = append(missing, i)
					}
				}
				if len(missing) > 0 {
					if _, err := vd.AddValues(col.Gather(missing)); err != nil {
						return nil, err
					}
					if err := db.cat.saveDatabase(db); err != nil {
						return nil, err
					}
					if idx, err = dom.Map(col); err != nil {
						return nil, err
					}
				}
			case "fail":
				for _, x := range idx {
					if x < 0 {
						return nil, partition.ErrNotInScheme
					}
				}
			}
		} else if db.DFS() && !cfg.AllowMissingPartitions {
			for _, x := range idx {
				if x < 0 {
					return nil, partition.ErrNotInScheme
				}
			}
		}
		levelIdx[l] = idx
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
	r := &routing{}
	pathIdx := map[string]int32{}
	out := levelIdx[0]
	if sel != nil {
		out = make([]int32, nsel)
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
			out[k] = -1
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
			path := db.chunkPath(idx)
			if p, seen = pathIdx[path]; !seen {
				p = int32(len(r.paths))
				pathIdx[path] = p
				r.paths = append(r.paths, path)
				r.rows = append(r.rows, 0)
			}
			if dense != nil {
				dense[key] = p + 1
			} else {
				byKey[key] = p
			}
		}
		out[k] = p
		r.rows[p]++
	}
	if sel == nil {
		r.part = out
		return r, nil
	}
	r.part = make([]int32, rows)
	for i := range r.part {
		r.part[i] = -1
	}
	for k, row := range sel {
		r.part[row] = out[k]
	}
	return r, nil
}

func (t *Table) appendMemory(full *value.Table, r *routing) int {
	groups := r.groups()
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, path := range r.paths {
		rows := groups[path]
		part := full.Gather(rows)
		if cur := t.mem[path]; cur != nil {
			for i, c := range part.Cols {
				cur.Cols[i].AppendVector(c)
			}
		} else {
			t.mem[path] = part
		}
		n += len(rows)
	}
	return n
}

// appendDFS writes the routed rows: TRANS in one transaction that fails
// whole on a locked chunk; CHUNK one transaction per chunk, waiting for
// locks.
func (t *Table) appendDFS(ctx context.Context, full *value.Table, width int, r *routing) (int, error) {
	order, err := t.lockOrder(r, width)
	if err != nil {
		return 0, err
	}
	parts := regroup(full, r)
	res, err := t.writeChunks(ctx, order, func(txn *storage.Txn, path string) (insert.Result, error) {
		p := parts[path]
		err := txn.AppendCoded(t.chunkID(path), t.names[:width], p.cols[:width], p.codes[:width], t.chunkOptions())
		return insert.Result{Inserted: p.rows}, err
	})
	return res.Inserted, err
}

// lockOrder returns the routed paths in the order chunks are locked (by
// path, so that concurrent writers can't deadlock), after checking that a
// write of width columns has no fewer columns than earlier writes to those
// chunks.
func (t *Table) lockOrder(r *routing, width int) ([]string, error) {
	order := append([]string(nil), r.paths...)
	sort.Strings(order)
	for _, path := range order {
		meta, ok, err := t.db.cat.store.ChunkMeta(t.chunkID(path))
		if err != nil {
			return nil, err
		}
		if ok && width < meta.Cols {
			return nil, insert.ErrFewerColumns
		}
	}
	return order, nil
}

// writeChunks runs write for each path (in the given order) under the
// database's atomicity and sums what the committed writes report. TRANS:
// one transaction that locks every chunk first, failing whole at once on
// a chunk another transaction holds. CHUNK: a transaction per chunk that
// waits for its lock; a failure keeps the chunks committed before it.
func (t *Table) writeChunks(ctx context.Context, order []string, write func(*storage.Txn, string) (insert.Result, error)) (insert.Result, error) {
	store := t.db.cat.store
	var total insert.Result
	add := func(r insert.Result) {
		total.Inserted += r.Inserted
		total.Updated += r.Updated
	}
	if t.db.atomic == "CHUNK" {
		for _, path := range order {
			txn := store.Begin()
			if err := txn.LockWait(ctx, t.chunkID(path)); err != nil {
				txn.Rollback()
				return total, err
			}
			r, err := write(txn, path)
			if err != nil {
				txn.Rollback()
				return total, err
			}
			if err := txn.Commit(); err != nil {
				return total, err
			}
			add(r)
		}
		return total, nil
	}
	txn := store.Begin()
	for _, path := range order {
		if err := txn.Lock(t.chunkID(path)); err != nil {
			txn.Rollback()
			return insert.Result{}, err
		}
	}
	for _, path := range order {
		r, err := write(txn, path)
		if err != nil {
			txn.Rollback()
			return insert.Result{}, err
		}
		add(r)
	}
	if err := txn.Commit(); err != nil {
		return insert.Result{}, err
	}
	return total, nil
}

// part is one partition's rows, ready for storage: SYMBOL columns as
// codes (cols[i] nil), the others as vectors.
type part struct {
	cols  []*value.Vector
	codes []*storage.SymbolCodes
	rows  int
}

// regroup lays full's rows out path by path with one scatter per column
// and returns each path's rows as slices of the result: one sequential
// pass over the input instead of a gather per partition, which re-read the
// whole input once per partition. SYMBOL columns are dictionary-encoded
// straight into their new positions and move as int32 codes. It consumes
// r (r.part is turned into positions in place).
func regroup(full *value.Table, r *routing) map[string]part {
	bounds := make([]int, len(r.paths)+1)
	for p, n := range r.rows {
		bounds[p+1] = bounds[p] + n
	}
	n := bounds[len(r.paths)]
	fill := append([]int(nil), bounds[:len(r.paths)]...)
	pos := r.part
	for i, p := range pos {
		if p >= 0 {
			pos[i] = int32(fill[p])
			fill[p]++
		}
	}
	r.part = nil
	cols := make([]*value.Vector, len(full.Cols))
	codes := make([]*storage.SymbolCodes, len(full.Cols))
	for i, c := range full.Cols {
		if c.T == value.Symbol {
			codes[i] = storage.EncodeSymbolsInto(c.Str, pos, n)
			continue
		}
		cols[i] = c.Scatter(pos, n)
	}
	parts := make(map[string]part, len(r.paths))
	for k, path := range r.paths {
		lo, hi := bounds[k], bounds[k+1]
		p := part{cols: make([]*value.Vector, len(cols)), codes: make([]*storage.SymbolCodes, len(cols)), rows: hi - lo}
		for i, c := range cols {
			if codes[i] != nil {
				p.codes[i] = codes[i].Slice(lo, hi)
			} else {
				p.cols[i] = c.Slice(lo, hi)
			}
		}
		parts[path] = p
	}
	return parts
}
