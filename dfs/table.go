package dfs

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/dfs/partschema"
	"github.com/porpoisedb/porpoise/extpart"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Table is a partitioned (or, for dimension tables, unpartitioned) table
// of a database: in memory for database(""), in Pebble for dfs://.
type Table struct {
	db   *Database
	name string

	// schema is the current column layout (schema.go): replaced whole by
	// a column change, never changed in place.
	schema atomic.Pointer[colSchema]
	// ddlMu is held shared by every write from reading the schema to its
	// commit (appends, rewrites, upserts, restores) and exclusively by a
	// column change, so no write straddles one.
	ddlMu sync.RWMutex
	// schemaMu is held exclusively while a column change commits and
	// publishes its schema, and shared while a reader takes the schema
	// with a storage snapshot (view), so it reads both from one side.
	schemaMu sync.RWMutex

	keep      storage.KeepPolicy
	dimension bool
	// partFns holds, per level, the partitioning function call applied
	// to the level's column ("" for the column itself), partDefs the
	// definitions it needs, and partApply the compiled calls by text.
	partFns   []string
	partDefs  []string
	partApply sync.Map

	// comment and colComments are setTableComment's and
	// setColumnComment's texts (guarded by db.mu; persisted).
	comment     string
	colComments map[string]string
	// textIdx maps a column (lower case) to its textindex(...) spec as
	// createPartitionedTable's indexes gave it (package textindex).
	textIdx map[string]string

	mu  sync.RWMutex
	mem map[string]*value.Table // in-memory chunks by partition path
	// ext, when set, holds the partitions instead of mem: the user's
	// tables createPartitionedTable was given as a tuple.
	ext *extpart.Set

	hook atomic.Pointer[PruneHook] // nil outside tests
	iot  *iotdb.Table              // an IOTDB table's state; nil otherwise
}

// PartitionFilter reports whether a partition (by its index at each
// domain level) may hold rows a query wants; nil admits all.
type PartitionFilter func(levelIdx []int) bool

// Form implements value.Value: scripts see a table.
func (t *Table) Form() value.Form { return value.FormTable }

// Type implements value.Value.
func (t *Table) Type() value.Type { return value.Void }

// String implements value.Value: the rows, as a table prints.
func (t *Table) String() string {
	st, err := t.Scan(nil)
	if err != nil {
		return err.Error()
	}
	return st.String()
}

// TableName is the table's name.
func (t *Table) TableName() string { return t.name }

// LogicalPath names the table as objs does: "dfs://db/table" for a DFS
// table, the table's name for one of an in-memory database.
func (t *Table) LogicalPath() string {
	if t.db.DFS() {
		return t.db.Path() + "/" + t.name
	}
	return t.name
}

// Schema lists the column names, types and decimal scales.
func (t *Table) Schema() ([]string, []value.Type, []int32) {
	s := t.sc()
	if j := t.iot.Col(s.names); j >= 0 {
		return s.names, append(slices.Clone(s.types[:j:j]), append([]value.Type{value.IOTAny}, s.types[j+1:]...)...), s.scales
	}
	return s.names, s.types, s.scales
}

// IoT is an IOTDB table's point-management state, nil for another table.
func (t *Table) IoT() *iotdb.Table { return t.iot }

// RowCount counts the rows. DFS chunks that keep every row (OLAP, TSDB
// with ALL) are counted from their metas without reading blocks; TSDB
// FIRST/LAST chunks drop duplicates on read, so they are read (one column).
func (t *Table) RowCount() (int64, error) {
	if t.db.DFS() && (len(t.sc().sortCols) == 0 || t.keep == storage.KeepAll) {
		v, err := t.view()
		if err != nil {
			return 0, err
		}
		defer v.close()
		paths := t.paths(nil)
		n := int64(0)
		for _, path := range paths {
			m, ok, err := v.snap.ChunkMeta(t.chunkID(path))
			if err != nil {
				return 0, err
			}
			if ok {
				n += m.Rows
			}
		}
		return n, nil
	}
	st, err := t.ScanColumns(nil, t.sc().names[:1])
	if err != nil {
		return 0, err
	}
	return int64(st.Rows()), nil
}

// paths lists the chunk path of every partition keep admits (nil: all),
// in partition order; a dimension table has the one chunk "/".
func (t *Table) paths(keep PartitionFilter) []string {
	if t.dimension {
		return []string{"/"}
	}
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	return t.db.partitionPaths(keep)
}

// storedChunks is the set of paths of the DFS table's chunks that hold
// data.
func (t *Table) storedChunks() (map[string]bool, error) {
	list, err := t.db.cat.store.ListChunks(t.db.path, t.name)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(list))
	for _, p := range list {
		out[p] = true
	}
	return out, nil
}

// readChunk reads a DFS chunk whole, as a table of the current schema;
// the caller holds ddlMu (shared) and the chunk's lock.
func (t *Table) readChunk(path string) (*value.Table, error) {
	return t.readChunkAs(t.sc(), nil, path)
}

// readChunkAs reads a DFS chunk whole, as a table of schema s, at
// snapshot snap (nil: the current committed state).
func (t *Table) readChunkAs(s *colSchema, snap *storage.Snapshot, path string) (*value.Table, error) {
	var cols []*value.Vector
	var err error
	if snap != nil {
		cols, err = snap.ReadChunkWith(t.chunkID(path), nil, s.types, storage.ReadOptions{})
	} else {
		cols, err = t.db.cat.store.ReadChunk(t.chunkID(path), nil, s.types)
	}
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		c.Scale = s.scales[i]
	}
	res := value.NewTable(s.names, cols)
	if value.Invariants {
		value.CheckTable(res)
	}
	return res, nil
}

func (t *Table) chunkID(path string) storage.ChunkID {
	return storage.ChunkID{DB: t.db.path, Table: t.name, Partition: path}
}

func (t *Table) chunkOptions() storage.ChunkOptions {
	return storage.ChunkOptions{SortColumns: t.sc().sortCols, KeepDuplicates: t.keep}
}

// Scan materializes the rows of the partitions keep admits: partitions in order, each chunk read once per
// partition that maps to its path (so partitions sharing a path, as
// special characters allow, return its rows once each, as DolphinDB does).
func (t *Table) Scan(keep PartitionFilter) (*value.Table, error) {
	return t.ScanColumns(keep, nil)
}

// Column is t.name in a script, nil when t has no such column: refused
// on a DFS table (error_codes/S02008.md), an in-memory partitioned
// table's column of all its rows otherwise.
func (t *Table) Column(name string) (*value.Vector, error) {
	if value.NameIndex(t.sc().names, name) < 0 {
		return nil, nil
	} else if t.db.DFS() {
		return nil, ddberr.Errorf("Direct access using column names is not supported to retrieve data from a DFS table. Please use a SQL query instead. RefId:S02008")
	}
	rows, err := t.ScanColumns(nil, []string{name})
	if err != nil {
		return nil, err
	}
	return rows.Cols[0], nil
}

// ScanColumns is Scan reading only the named columns (nil: all; see
// colSchema.positions), in that order: a query that names two columns of
// a wide DFS table decodes only those two. Partitions are read in
// parallel (EachPartition) and concatenated in partition order into
// columns allocated once at their final length.
func (t *Table) ScanColumns(keep PartitionFilter, cols []string) (*value.Table, error) {
	parts, s, pos, err := mapPartitions(t, keep, cols, false, storage.ReadOptions{}, func(_ int, part *value.Table) (*value.Table, error) {
		return part, nil
	})
	if err != nil {
		return nil, err
	}
	names := make([]string, len(pos))
	for k, c := range pos {
		names[k] = s.names[c]
	}
	out := make([]*value.Vector, len(pos))
	var only *value.Table
	for _, p := range parts {
		if p != nil {
			if only != nil {
				only = nil
				break
			}
			only = p
		}
	}
	for k, c := range pos {
		if only != nil && t.db.DFS() {
			out[k] = only.Cols[k] // decoded for this scan: no copy needed
			continue
		}
		out[k] = concatParts(parts, k, iotdb.TypeOf(parts, k, s.types[c]), s.scales[c])
	}
	res := value.NewTable(names, out)
	if value.Invariants {
		value.CheckTable(res)
	}
	return res, nil
}

// positions resolves column names (nil: all columns) against s, the
// schema a scan reads with, so that a column change committed after the
// caller chose the names can't make it read a stale position: a name s
// lacks (dropped or renamed meanwhile) is left out, which leaves the
// caller's expression over it to fail as it would after the change, and
// when none is left the first column is read so row counts stay right.
func (s *colSchema) positions(names []string) []int {
	if names == nil {
		return value.Iota(len(s.names))
	}
	find := func(n string) int { return value.NameIndex(s.names, n) }
	if len(names)*len(s.names) > 256 { // a wide table: one pass, not one per name
		index := make(map[string]int, len(s.names))
		for i, c := range s.names {
			index[strings.ToLower(c)] = i
		}
		find = func(n string) int {
			if i, ok := index[strings.ToLower(n)]; ok {
				return i
			}
			return -1
		}
	}
	pos := make([]int, 0, len(names))
	for _, n := range names {
		if i := find(n); i >= 0 {
			pos = append(pos, i)
		}
	}
	if len(pos) == 0 {
		pos = append(pos, 0)
	}
	return pos
}

// concatParts is column k of the non-nil parts, in order, in one vector
// allocated at the total length. Coded SYMBOL parts (every dfs:// one)
// make a coded column with a base of its own that each part's codes are
// translated into, one lookup per symbol a part uses.
func concatParts(parts []*value.Table, k int, typ value.Type, scale int32) *value.Vector {
	total := 0
	for _, p := range parts {
		if p != nil {
			total += p.Cols[k].Len()
		}
	}
	out := value.NewVector(typ, 0, total)
	for _, p := range parts {
		if p != nil && p.Cols[k].Syms != nil {
			out = value.NewTableColumn(typ, 0, total)
			break
		}
	}
	out.Scale = scale
	for _, p := range parts {
		if p != nil {
			out.AppendVector(p.Cols[k])
		}
	}
	return out
}

// EachPartition calls fn with the rows, columns cols (names, nil: all;
// see colSchema.positions), of each partition keep admits that holds data; i numbers
// the partitions in Scan's order. Calls run concurrently, on up to
// GOMAXPROCS goroutines, each partition read on its own (DolphinDB's map
// step: per-partition work a caller merges). A partition's table is the
// caller's: DFS chunks are decoded afresh, in-memory partitions copied.
// The first error stops the remaining reads and is returned.
func (t *Table) EachPartition(keep PartitionFilter, cols []string, fn func(i int, part *value.Table) error) error {
	_, _, err := t.eachPartition(keep, cols, true, storage.ReadOptions{}, fn)
	return err
}

// EachPartitionWith is EachPartition reading dfs:// chunks with opts:
// opts.Unordered may hand a TSDB partition's rows over unsorted.
// In-memory partitions come as EachPartition hands them.
func (t *Table) EachPartitionWith(keep PartitionFilter, cols []string, opts storage.ReadOptions, fn func(i int, part *value.Table) error) error {
	_, _, err := t.eachPartition(keep, cols, true, opts, fn)
	return err
}

// MapPartitions is EachPartitionWith keeping fn's result for each
// partition: the results come in partition order (i), with T's zero value
// for a partition fn was not called for (one without data).
func MapPartitions[T any](t *Table, keep PartitionFilter, cols []string, opts storage.ReadOptions, fn func(i int, part *value.Table) (T, error)) ([]T, error) {
	out, _, _, err := mapPartitions(t, keep, cols, true, opts, fn)
	return out, err
}

// mapPartitions is MapPartitions, also returning the schema it read and
// the positions there of the columns it read; owned is eachPartition's.
func mapPartitions[T any](t *Table, keep PartitionFilter, cols []string, owned bool, opts storage.ReadOptions, fn func(i int, part *value.Table) (T, error)) ([]T, *colSchema, []int, error) {
	var (
		mu  sync.Mutex
		out []T
	)
	s, pos, err := t.eachPartition(keep, cols, owned, opts, func(i int, part *value.Table) error {
		r, err := fn(i, part)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		for len(out) <= i {
			var zero T
			out = append(out, zero)
		}
		out[i] = r
		return nil
	})
	return out, s, pos, err
}

// eachPartition is EachPartitionWith, returning the schema it read the
// partitions with and the positions there of cols: one schema and, for a DFS table, one storage snapshot
// (view), so a column change or a transaction committed meanwhile is
// seen whole or not at all. owned false hands in-memory partitions' own
// columns to fn, for a caller that copies them anyway.
func (t *Table) eachPartition(keep PartitionFilter, colNames []string, owned bool, opts storage.ReadOptions, fn func(i int, part *value.Table) error) (*colSchema, []int, error) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	v, err := t.view()
	if err != nil {
		return nil, nil, err
	}
	defer v.close()
	s := v.s
	cols := s.positions(colNames)
	names := make([]string, len(cols))
	for k, c := range cols {
		names[k] = s.names[c]
	}
	paths := t.paths(keep)
	var existing map[string]bool
	if t.db.DFS() {
		list, err := v.snap.ListChunks(t.db.path, t.name)
		if err != nil {
			return nil, nil, err
		}
		existing = make(map[string]bool, len(list))
		for _, p := range list {
			existing[p] = true
		}
	}
	anyK := t.iot.Col(names)
	read := func(path string) (*value.Table, error) {
		if t.ext != nil {
			return t.ext.Read(path, cols, names), nil
		}
		if !t.db.DFS() {
			mem := t.mem[path]
			if mem == nil {
				return nil, nil
			}
			chunk := make([]*value.Vector, len(cols))
			for k, c := range cols {
				chunk[k] = mem.Cols[c]
				if owned {
					chunk[k] = chunk[k].Clone()
				}
			}
			return value.NewTable(names, chunk), nil
		}
		if !existing[path] {
			return nil, nil
		}
		read, err := v.snap.ReadChunkWith(t.chunkID(path), cols, s.types, opts)
		if err != nil {
			return nil, err
		}
		for k, c := range read {
			c.Scale = s.scales[cols[k]]
			if k == anyK {
				read[k] = iotdb.Decode(c)
			}
		}
		return value.NewTable(names, read), nil
	}
	var (
		next   atomic.Int64
		failed atomic.Bool
		wg     sync.WaitGroup
		errMu  sync.Mutex
		first  error
	)
	fail := func(err error) {
		errMu.Lock()
		if first == nil {
			first = err
		}
		errMu.Unlock()
		failed.Store(true)
	}
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				part, err := read(paths[i])
				if err == nil && part != nil {
					err = fn(i, part)
				}
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	wg.Wait()
	return s, cols, first
}

// CompressMethods is each column's compression method, as schema() lists
// them.
func (t *Table) CompressMethods() []string {
	s := t.sc()
	out := make([]string, len(s.names))
	for i := range out {
		out[i] = "lz4"
		if i < len(s.compress) && s.compress[i] != "" {
			out[i] = s.compress[i]
		}
	}
	return out
}

// SchemaDict is schema(t); colDefs is its colDefs table,
// built by the caller as for any table.
func (t *Table) SchemaDict(colDefs *value.Table) *value.Dict {
	d := value.NewDict(value.String, value.Any)
	put := func(k string, v value.Value) {
		d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
	}
	put("colDefs", colDefs)
	put("chunkPath", value.NullScalar(value.String))
	put("engineType", value.NewString(t.db.engineType))
	put("chunkGranularity", value.NewString("TABLE"))
	put("partitionSites", value.NullScalar(value.Void))
	put("atomic", value.NewString(t.db.Atomic()))
	put("tableName", value.NewString(t.name))
	put("databaseDir", value.NewString(t.db.path))
	put("keepDuplicates", value.NewString(t.keep.String()))
	t.commentsInto(colDefs, put)
	s := t.sc()
	if len(s.sortCols) > 0 {
		names := make([]string, len(s.sortCols))
		for i, c := range s.sortCols {
			names[i] = s.names[c]
		}
		if t.db.engineType == "PKEY" {
			put("primaryKey", value.NewStrings(value.String, names))
		} else {
			put("sortColumns", value.NewStrings(value.String, names))
		}
		put("softDelete", value.NewBool(false))
	}
	if t.iot != nil {
		put("latestKeyCache", value.NewBool(t.iot.LatestKeyCache))
		put("compressHashSortKey", value.NewBool(t.iot.CompressHashSortKey))
	}
	if t.dimension {
		put("partitionColumnIndex", value.NewInt(-1))
		return d
	}
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	partschema.Put(put, t.db.levels(), s.names, s.partCols)
	return d
}

// SchemaDict is schema(db): the database's directory, partitioning,
// atomicity and owner (owner is the caller's: package auth keeps it).
// engineType is listed for TSDB only, as DolphinDB's schema.md shows.
func (d *Database) SchemaDict(owner string) *value.Dict {
	out := value.NewDict(value.String, value.Any)
	put := func(k string, v value.Value) {
		out.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
	}
	put("databaseDir", value.NewString(d.path))
	put("partitionSites", value.NullScalar(value.Void))
	if d.engineType != "OLAP" {
		put("engineType", value.NewString(d.engineType))
	}
	put("atomic", value.NewString(d.Atomic()))
	put("chunkGranularity", value.NewString("TABLE"))
	put("clusterReplicationEnabled", value.NewBool(true))
	put("databaseOwner", value.NewString(owner))
	d.mu.Lock()
	defer d.mu.Unlock()
	partschema.Put(put, d.levels(), nil, nil)
	return out
}

// TextIndex is column col's textindex(...) spec, "" when it has none (or
// t is nil: a query on no DFS table).
func (t *Table) TextIndex(col string) string {
	if t == nil {
		return ""
	}
	return t.textIdx[strings.ToLower(col)]
}
