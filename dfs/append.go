package dfs

import (
	"context"
	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"sort"
	"time"

	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/dfs/regroup"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Append inserts rows by position (tableInsert, append!; stmt for INSERT
// INTO) and returns how many were written: insert's rules (column count,
// conversion, DFS size limits), partition's routing with the out-of-scheme
// policies, then one transaction (TRANS) or one per chunk (CHUNK).
func (t *Table) Append(ctx context.Context, src *value.Table, stmt bool) (n int, err error) {
	defer audit.Appended(ctx, time.Now(), t.db.path, t.name, t.db.atomic == "CHUNK" && len(t.sc().partCols) > 0, &n, &err)
	t.ddlMu.RLock()
	defer t.ddlMu.RUnlock()
	return t.appendLocked(ctx, src, stmt)
}

// InsertValues is INSERT INTO t [(cols)] VALUES rows (insert's
// FromInsertValues). The rows are made a table of t's columns under the
// lock column changes take, so a column added, dropped or renamed while
// the statement ran can't shift a value into another column: the
// statement names the columns as they are when it writes.
func (t *Table) InsertValues(ctx context.Context, cols []string, rows [][]value.Value) (n int, err error) {
	defer audit.Appended(ctx, time.Now(), t.db.path, t.name, t.db.atomic == "CHUNK" && len(t.sc().partCols) > 0, &n, &err)
	t.ddlMu.RLock()
	defer t.ddlMu.RUnlock()
	sc := t.sc()
	src, err := insert.FromInsertValues(insert.Schema{Names: sc.names, Types: sc.types, Scales: sc.scales}, cols, rows, t.appendOptions().Rules)
	if err != nil {
		return 0, err
	}
	return t.appendLocked(ctx, src, true)
}

// appendLocked is Append with t.ddlMu held.
func (t *Table) appendLocked(ctx context.Context, src *value.Table, stmt bool) (int, error) {
	if t.db.DFS() && stmt && !t.db.cat.cfg.EnableInsertStatementForDFSTable {
		return 0, ddberr.Errorf("The INSERT INTO statement is not supported for DFS tables. Set the configuration parameter enableInsertStatementForDFSTable=true to enable it.")
	}
	src, raw := iotdb.Placeholder(src, t.iot.Col(t.sc().names))
	full, err := t.convert(src)
	if err != nil {
		return 0, err
	}
	if full.Rows() == 0 {
		return 0, nil
	}
	r, g, err := t.route(full)
	if err != nil {
		return 0, err
	}
	if t.iot != nil {
		if err := t.fillIoT(full, raw, r); err != nil {
			g.abort()
			return 0, err
		}
	}
	if t.ext != nil {
		return t.appendExternal(full, r)
	}
	if !t.db.DFS() {
		return t.appendMemory(full, r)
	}
	return t.appendDFS(ctx, full, src.NumCols(), r, g)
}

// convert applies insert's rules for this table to src: the full schema,
// converted.
func (t *Table) convert(src *value.Table) (*value.Table, error) {
	return insert.ConvertTable(insert.Schema{Names: t.sc().names, Types: t.sc().types, Scales: t.sc().scales}, src, t.appendOptions())
}

// partitionKeys are the values full is partitioned by, one column per
// level: the level's partitioning column, or its partitioning function's
// result on it.
func (t *Table) partitionKeys(full *value.Table) ([]*value.Vector, error) {
	s := t.sc()
	cols := make([]*value.Vector, len(s.partCols))
	for l, c := range s.partCols {
		cols[l] = full.Cols[c]
		if l < len(t.partFns) && t.partFns[l] != "" {
			fn, err := t.partFunc(t.partFns[l], s.names[c])
			if err != nil {
				return nil, err
			}
			if cols[l], err = fn(cols[l]); err != nil {
				return nil, err
			}
		}
	}
	return cols, nil
}

// partFunc is the compiled partitioning function call on column col.
func (t *Table) partFunc(call, col string) (PartitionFunc, error) {
	if f, ok := t.partApply.Load(call); ok {
		return f.(PartitionFunc), nil
	}
	if t.db.cat.cfg.PartitionFunc == nil {
		return nil, ddberr.Errorf("The partitioning column %s doesn't exist in the table.", call)
	}
	f, err := t.db.cat.cfg.PartitionFunc(call, col, t.partDefs)
	if err != nil {
		return nil, err
	}
	t.partApply.Store(call, f)
	return f, nil
}

// appendOptions are the table's append rules: in memory, or DFS with the
// partitioning columns required.
func (t *Table) appendOptions() insert.Options {
	if !t.db.DFS() {
		return insert.Memory
	}
	need := 0
	for _, c := range t.sc().partCols {
		need = max(need, c+1)
	}
	return insert.DFS(need)
}

// router is the partition router for the database's current levels. The
// caller holds db.mu while it routes.
func (t *Table) router() *partition.Router {
	cfg := t.db.cat.cfg
	r := &partition.Router{Levels: t.db.levels(), IgnoreSpecial: cfg.IgnoreSpecialCharacterInPartitionId}
	if !t.db.DFS() {
		r.DropNulls = true
		return r
	}
	r.NewValues = partition.ParseNewValuePolicy(cfg.NewValuePartitionPolicy)
	r.FailMissing = !cfg.AllowMissingPartitions
	return r
}

// route maps every row to its chunk. When newValuePartitionPolicy=add
// needs new partitions it returns them as a growth that the write commits
// with its data (and holds the database's catalog lock until then).
func (t *Table) route(full *value.Table) (*partition.Routing, *growth, error) {
	rows := full.Rows()
	if t.dimension {
		return &partition.Routing{Part: make([]int32, rows), Paths: []string{"/"}, Rows: []int{rows}}, nil, nil
	}
	cols, err := t.partitionKeys(full)
	if err != nil {
		return nil, nil, err
	}
	db := t.db
	db.mu.Lock()
	r, err := t.router().Route(cols)
	db.mu.Unlock()
	if err != nil || r.Grown == nil {
		return r, nil, err
	}
	// New partitions: take the catalog lock and route again, so that the
	// grown levels are the current ones plus this append's values.
	db.growMu.Lock()
	db.mu.Lock()
	r, err = t.router().Route(cols)
	db.mu.Unlock()
	if err != nil || r.Grown == nil {
		db.growMu.Unlock()
		return r, nil, err
	}
	meta, err := db.metaBlob(r.Grown)
	if err != nil {
		db.growMu.Unlock()
		return nil, nil, err
	}
	return r, &growth{db: db, added: r.Added, meta: meta}, nil
}

// growth is VALUE partitions an append adds: the catalog blob that the
// append's transaction writes, and the values to add to the domain in
// memory once it has committed. The database's growMu is held from route
// until apply or abort.
type growth struct {
	db    *Database
	added []*value.Vector // per level; nil where nothing is added
	meta  []byte
	done  bool
}

// apply adds the values to the in-memory domain (the catalog holding
// them has committed) and releases the catalog lock.
func (g *growth) apply() error {
	if g == nil || g.done {
		return nil
	}
	g.done = true
	defer g.db.growMu.Unlock()
	g.db.mu.Lock()
	defer g.db.mu.Unlock()
	for l, dom := range g.db.levels() {
		if g.added[l] == nil {
			continue
		}
		if _, err := dom.(*partition.Value).AddValues(g.added[l]); err != nil {
			return err
		}
	}
	return nil
}

// abort releases the catalog lock without growing the domain.
func (g *growth) abort() {
	if g == nil || g.done {
		return
	}
	g.done = true
	g.db.growMu.Unlock()
}

// appendExternal appends the routed rows to the external partitions, one
// partition after another: a partition that refuses its rows stops the
// append, keeping those appended before it.
func (t *Table) appendExternal(full *value.Table, r *partition.Routing) (int, error) {
	groups := r.Groups()
	n := 0
	for _, path := range r.Paths {
		k, err := t.ext.Append(path, full.Gather(groups[path]))
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// appendMemory appends the routed rows to the in-memory partitions and
// returns how many rows were added. A keyed table's partition takes its
// rows as a keyed table does (insert.Append): a key it holds is
// overwritten, and only new keys count.
func (t *Table) appendMemory(full *value.Table, r *partition.Routing) (int, error) {
	groups := r.Groups()
	sc := t.sc()
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, path := range r.Paths {
		rows := groups[path]
		part := full.Gather(rows)
		cur := t.mem[path]
		switch {
		case sc.kind != value.PlainTable:
			if cur == nil {
				cur = sc.keyed(nil, part.EmptyLike(len(rows)))
				t.mem[path] = cur
			}
			k, err := insert.Append(cur, part)
			n += k
			if err != nil {
				return n, err
			}
		case cur != nil:
			for i, c := range part.Cols {
				cur.Cols[i].AppendVector(c)
			}
			n += len(rows)
		default:
			t.mem[path] = part
			n += len(rows)
		}
		if value.Invariants {
			value.CheckTable(t.mem[path])
		}
	}
	return n, nil
}

// appendDFS writes the routed rows (the first width columns; storage
// refuses, under the chunk's lock, fewer columns than an earlier write
// gave the chunk): TRANS in one transaction that fails whole on a locked
// chunk; CHUNK one transaction per chunk, waiting for locks.
func (t *Table) appendDFS(ctx context.Context, full *value.Table, width int, r *partition.Routing, g *growth) (int, error) {
	defer g.abort()
	order, err := t.lockOrder(r, width)
	if err != nil {
		return 0, err
	}
	if t.db.Atomic() != "CHUNK" && full.Rows() > regroupRows {
		res, err := t.writeTrans(order, g, func(txn *storage.Txn) (insert.Result, error) {
			return t.writeSlices(txn, order, full, width, r, regroupRows)
		})
		return res.Inserted, err
	}
	parts := regroup.ByPath(full, r)
	res, err := t.writeChunks(ctx, order, g, func(txn *storage.Txn, path string) (insert.Result, error) {
		p := parts[path]
		err := txn.AppendCoded(t.chunkID(path), t.sc().names[:width], p.Cols[:width], p.Codes[:width], t.chunkOptions())
		return insert.Result{Inserted: p.Rows}, err
	})
	return res.Inserted, err
}

// regroupRows is how many input rows one regroup lays out. A TRANS
// append of more is regrouped and written a slice at a time in its one
// transaction, so that its partition copies, sort orders and encoding
// buffers hold one slice, not the whole input (seed 002 appends 300M rows
// at once); each slice adds a sorted run to every chunk it reaches.
const regroupRows = 1 << 23

// writeSlices writes full's routed rows (the first width columns) into
// txn, size rows at a time, chunks in order within each slice. It
// consumes r as regroup does.
func (t *Table) writeSlices(txn *storage.Txn, order []string, full *value.Table, width int, r *partition.Routing, size int) (insert.Result, error) {
	var res insert.Result
	rows := full.Rows()
	for lo := 0; lo < rows; lo += size {
		hi := min(rows, lo+size)
		slice := &partition.Routing{Part: r.Part[lo:hi], Paths: r.Paths, Rows: make([]int, len(r.Paths))}
		for _, p := range slice.Part {
			if p >= 0 {
				slice.Rows[p]++
			}
		}
		parts := regroup.ByPath(full.Slice(lo, hi), slice)
		for _, path := range order {
			p := parts[path]
			if p.Rows == 0 {
				continue
			}
			if err := txn.AppendCoded(t.chunkID(path), t.sc().names[:width], p.Cols[:width], p.Codes[:width], t.chunkOptions()); err != nil {
				return res, err
			}
			res.Inserted += p.Rows
		}
	}
	r.Part = nil
	return res, nil
}

// lockOrder returns the routed paths in the order chunks are locked (by
// path, so that concurrent writers can't deadlock). It fails early when a
// write of width columns has fewer columns than earlier writes to those
// chunks, so that a CHUNK append commits nothing in that case; storage
// checks again under the chunk locks, which decides.
func (t *Table) lockOrder(r *partition.Routing, width int) ([]string, error) {
	order := append([]string(nil), r.Paths...)
	sort.Strings(order)
	for _, path := range order {
		meta, ok, err := t.db.cat.store.ChunkMeta(t.chunkID(path))
		if err != nil {
			return nil, err
		}
		if ok && width < meta.Cols {
			return nil, storage.ErrFewerColumns
		}
	}
	return order, nil
}

// writeChunks runs write for each path (in the given order) under the
// database's atomicity and sums what the committed writes report. TRANS:
// one transaction that locks every chunk first, failing whole at once on
// a chunk another transaction holds. CHUNK: a transaction per chunk that
// waits for its lock; a failure keeps the chunks committed before it.
// Partitions g adds are written to the catalog in every transaction, so
// they exist on disk exactly when some data written with them does.
func (t *Table) writeChunks(ctx context.Context, order []string, g *growth, write func(*storage.Txn, string) (insert.Result, error)) (insert.Result, error) {
	var total insert.Result
	add := func(r insert.Result) {
		total.Inserted += r.Inserted
		total.Updated += r.Updated
	}
	if t.db.Atomic() != "CHUNK" {
		return t.writeTrans(order, g, func(txn *storage.Txn) (insert.Result, error) {
			for _, path := range order {
				r, err := write(txn, path)
				if err != nil {
					return insert.Result{}, err
				}
				add(r)
			}
			return total, nil
		})
	}
	for _, path := range order {
		txn := t.db.cat.store.Begin()
		defer txn.Rollback() // a no-op once committed; frees the chunk should write panic
		if err := txn.LockWait(ctx, t.chunkID(path)); err != nil {
			return total, err
		}
		r, err := write(txn, path)
		if err != nil {
			return total, err
		}
		if err := t.commit(txn, g); err != nil {
			return total, err
		}
		add(r)
	}
	return total, nil
}

// writeTrans runs write in one transaction that first locks every chunk
// of order, failing whole at once on a chunk another transaction holds,
// and commits it with the partitions g adds.
func (t *Table) writeTrans(order []string, g *growth, write func(*storage.Txn) (insert.Result, error)) (insert.Result, error) {
	txn := t.db.cat.store.Begin()
	defer txn.Rollback() // a no-op once committed; frees the chunks should write panic
	for _, path := range order {
		if err := txn.Lock(t.chunkID(path)); err != nil {
			return insert.Result{}, err
		}
	}
	total, err := write(txn)
	if err != nil {
		return insert.Result{}, err
	}
	if err := t.commit(txn, g); err != nil {
		return insert.Result{}, err
	}
	return total, nil
}

// commit commits txn with the catalog blob of the partitions g adds, then
// adds them in memory.
func (t *Table) commit(txn *storage.Txn, g *growth) error {
	if g != nil && !g.done {
		if err := txn.PutDatabase(t.db.path, g.meta); err != nil {
			txn.Rollback()
			return err
		}
	}
	if err := txn.Commit(); err != nil {
		return err
	}
	return g.apply()
}
