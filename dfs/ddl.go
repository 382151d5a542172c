package dfs

import (
	"errors"
	"github.com/porpoisedb/porpoise/ddberr"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/extpart"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// TableSpec is what createPartitionedTable / createTable ask for.
type TableSpec struct {
	// Name is the new table's name.
	Name string
	// Schema is the table whose columns (names, types, scales) the new
	// table takes.
	Schema *value.Table
	// Dimension makes an unpartitioned (dimension) table.
	Dimension bool
	// PartitionColumns names one column per domain level.
	PartitionColumns []string
	// PartitionFuncs, when set, holds per level a partitioning function
	// call on the level's column ("" for the column itself), and FuncDefs
	// the script definitions the calls need.
	PartitionFuncs, FuncDefs []string
	// SortColumns are the TSDB sort columns, or a PKEY table's primary key.
	SortColumns []string
	// KeepDuplicates is ALL, FIRST or LAST (any case) when KeepGiven;
	// ALL otherwise.
	KeepDuplicates string
	// KeepGiven reports whether keepDuplicates was passed.
	KeepGiven bool
	// Compress maps columns to their compression methods (lz4 when not
	// given).
	Compress map[string]string
	// TextIndexes maps columns to their textindex(...) specs, which the
	// caller has checked.
	TextIndexes map[string]string
	// LatestKeyCache, CompressHashSortKey and SoftDelete are the options
	// of an IOTDB table (package iotdb checks them).
	LatestKeyCache, CompressHashSortKey, SoftDelete bool
	// Partitions, for an in-memory database, are the tables that are the
	// partitions, one per partition in partition order (a tuple given as
	// createPartitionedTable's table); Schema is then the first.
	Partitions []*value.Table
}

// CreateTable adds a table to the database (and persists it for dfs://).
func (d *Database) CreateTable(spec TableSpec) (*Table, error) {
	schema := spec.Schema
	names := append([]string(nil), schema.Names...)
	types := schema.Types()
	scales := make([]int32, len(schema.Cols))
	for i, c := range schema.Cols {
		scales[i] = c.Scale
	}
	t := &Table{db: d, name: spec.Name, dimension: spec.Dimension, mem: map[string]*value.Table{},
		partFns: spec.PartitionFuncs, partDefs: spec.FuncDefs}
	for c, x := range spec.TextIndexes {
		if t.textIdx == nil {
			t.textIdx = map[string]string{}
		}
		t.textIdx[strings.ToLower(c)] = x
	}
	sc := &colSchema{names: names, types: types, scales: scales}
	if len(spec.Compress) > 0 {
		sc.compress = make([]string, len(names))
	}
	for c, m := range spec.Compress {
		if j := schema.ColumnIndex(c); j >= 0 {
			sc.compress[j] = m
		}
	}
	if !d.DFS() && spec.Partitions == nil && schema.IsKeyed() {
		// tutorials/in_memory_table.md: a keyed (or indexed) table makes
		// a partitioned keyed (indexed) table, each partition keeping its
		// keys unique
		sc.kind, sc.keyCols = schema.Kind, slices.Clone(schema.KeyCols)
	}
	if !spec.Dimension {
		cols := spec.PartitionColumns
		levels := d.levels()
		if len(cols) != len(levels) {
			return nil, partition.ErrCompoColumns
		}
		ctypes := make([]value.Type, len(cols))
		for i, c := range cols {
			j := schema.ColumnIndex(c)
			if j < 0 {
				return nil, ddberr.Errorf("The partitioning column %s doesn't exist in the table.", c)
			}
			sc.partCols = append(sc.partCols, j)
			ctypes[i] = types[j]
			if i < len(spec.PartitionFuncs) && spec.PartitionFuncs[i] != "" {
				// The level holds what the function returns: its type is
				// that of the function's result.
				fn, err := t.partFunc(spec.PartitionFuncs[i], c)
				if err != nil {
					return nil, err
				}
				out, err := fn(value.NewVector(types[j], 0, 0))
				if err != nil {
					return nil, err
				}
				ctypes[i] = out.T
			}
		}
		if c, ok := d.domain.(*partition.Compo); ok {
			if err := c.CheckColumnTypes(ctypes); err != nil {
				return nil, err
			}
		} else if err := partition.CheckColumnType(d.domain, ctypes[0]); err != nil {
			return nil, err
		}
	}
	for _, c := range spec.SortColumns {
		j := schema.ColumnIndex(c)
		if j < 0 {
			return nil, ddberr.Errorf("The sort column %s doesn't exist in the table.", c)
		}
		sc.sortCols = append(sc.sortCols, j)
	}
	if d.tsdb() && len(sc.sortCols) == 0 && d.DFS() {
		return nil, errors.New("sortColumns must be specified for a table in a TSDB database.")
	}
	pkey := d.engineType == "PKEY"
	if pkey {
		if len(sc.sortCols) == 0 {
			return nil, ddberr.Errorf("primaryKey must be specified for a table in a PKEY database.")
		}
		for _, c := range sc.partCols {
			if !slices.Contains(sc.sortCols, c) {
				return nil, ddberr.Errorf("The primary key must contain the partitioning column %s.", names[c])
			}
		}
	} else if !d.tsdb() {
		sc.sortCols = nil
	}
	anyCol, err := iotdb.Check(d.engineType == "IOTDB", types, sc.sortCols, spec.LatestKeyCache, spec.SoftDelete, d.timeLast())
	if err != nil {
		return nil, err
	} else if d.engineType == "IOTDB" {
		t.iot = iotdb.New("", spec.LatestKeyCache, spec.CompressHashSortKey)
		if anyCol >= 0 {
			t.iot.AnyCol, sc.types[anyCol] = names[anyCol], value.String
		}
	}
	t.schema.Store(sc)
	if kd := spec.KeepDuplicates; spec.KeepGiven {
		switch strings.ToUpper(kd) {
		case "ALL":
			t.keep = storage.KeepAll
		case "FIRST":
			t.keep = storage.KeepFirst
		case "LAST":
			t.keep = storage.KeepLast
		default:
			return nil, ddberr.Errorf("Invalid keepDuplicates %s. It must be ALL, FIRST or LAST.", kd)
		}
	}
	if pkey {
		// A row whose primary key is already there replaces that row
		// (db_distr_comp/db/pkey_engine.md): the storage's keep-last
		// over the key columns, which hold every partitioning column.
		t.keep = storage.KeepLast
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if spec.Partitions != nil {
		ext, err := extpart.New(d.partitionPaths(nil), spec.Partitions)
		if err != nil {
			return nil, err
		}
		t.ext = ext
	}
	if d.tables[spec.Name] != nil && d.DFS() {
		return nil, ddberr.Errorf("The table [%s] already exists in database [%s].", spec.Name, d.path)
	}
	if err := d.cat.saveTable(t); err != nil {
		return nil, err
	}
	d.tables[spec.Name] = t
	return t, nil
}

// DropTable removes a table and its data.
func (d *Database) DropTable(name string) error {
	t, unlock := d.exclusive(name)
	defer unlock()
	if t == nil {
		return ddberr.Errorf("The table [%s] does not exist in database [%s].", name, d.path)
	}
	delete(d.tables, name)
	if d.DFS() {
		return d.cat.store.DropTable(d.path, name)
	}
	return nil
}

// exclusive returns table name (nil when there is none) with its ddlMu
// and d.mu held, in that order, so that no write or column change of the
// table is running (one would write the catalog entry of a table being
// dropped or renamed back); unlock releases them.
func (d *Database) exclusive(name string) (t *Table, unlock func()) {
	for {
		d.mu.Lock()
		t := d.tables[name]
		if t == nil {
			return nil, d.mu.Unlock
		}
		d.mu.Unlock()
		t.ddlMu.Lock()
		d.mu.Lock()
		if d.tables[name] == t {
			return t, func() {
				d.mu.Unlock()
				t.ddlMu.Unlock()
			}
		}
		d.mu.Unlock()
		t.ddlMu.Unlock()
	}
}

// AddPartitions implements addValuePartitions (kind VALUE) and
// addRangePartitions (kind RANGE) on one level, returning how many
// partitions were added.
func (d *Database) AddPartitions(kind partition.PartitionType, values *value.Vector, level int) (n int, err error) {
	err = d.changeScheme(func(levels []partition.Domain) error {
		if level < 0 || level >= len(levels) {
			return ddberr.Errorf("The level is out of range.")
		}
		switch dom := levels[level].(type) {
		case *partition.Value:
			if kind == partition.VALUE {
				n, err = dom.AddValues(values)
				return err
			}
		case *partition.Range:
			if kind == partition.RANGE {
				n, err = dom.AddRanges(values)
				return err
			}
		}
		if kind == partition.VALUE {
			return errors.New("addValuePartitions only applies to a VALUE domain.")
		}
		return errors.New("addRangePartitions only applies to a RANGE domain.")
	})
	return n, err
}

// DropValueSchema is dropPartition's deleteSchema=true: it removes
// values' partitions from the first level's scheme when that is a VALUE
// domain and the database holds one table (funcs/d/dropPartition.md).
func (d *Database) DropValueSchema(values *value.Vector) error {
	return d.changeScheme(func(levels []partition.Domain) (err error) {
		if v, ok := levels[0].(*partition.Value); ok && len(d.tables) == 1 {
			_, err = v.RemoveValues(values)
		}
		return err
	})
}

// changeScheme runs change on the domain's levels under the locks that
// guard them and persists the database unless change fails.
func (d *Database) changeScheme(change func([]partition.Domain) error) error {
	d.growMu.Lock()
	defer d.growMu.Unlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := change(d.levels()); err != nil {
		return err
	}
	return d.cat.saveDatabase(d)
}

// DropPartitions removes the chunks of the given partitions of one table
// ("" all tables): paths such as "/20240101/Key1", or, when paths is
// empty, the level-0 partitions holding values.
func (d *Database) DropPartitions(tableName string, paths []string, values *value.Vector) error {
	d.mu.Lock()
	all := d.partitionPaths(nil)
	var tables []*Table
	for name, t := range d.tables {
		if tableName == "" || name == tableName {
			tables = append(tables, t)
		}
	}
	d.mu.Unlock()
	if tableName != "" && len(tables) == 0 {
		return ddberr.Errorf("The table [%s] does not exist in database [%s].", tableName, d.path)
	}
	prefixes := paths
	if len(prefixes) == 0 {
		first := d.levels()[0]
		if values.T != first.SchemeType() && values.T.Category() != first.SchemeType().Category() {
			return &partition.Error{Code: "S01058", Msg: "The data type of the specified partition does not match the partitioning scheme of the database."}
		}
		idx, err := first.Map(values)
		if err != nil {
			return err
		}
		for _, i := range idx {
			if i >= 0 {
				prefixes = append(prefixes, "/"+first.DirName(int(i), d.cat.cfg.IgnoreSpecialCharacterInPartitionId))
			}
		}
	}
	var victims []string
	for _, p := range all {
		for _, pre := range prefixes {
			if p == pre || strings.HasPrefix(p, strings.TrimSuffix(pre, "/")+"/") {
				victims = append(victims, p)
				break
			}
		}
	}
	if len(victims) == 0 {
		return &partition.Error{Code: "S01056", Msg: "None of the specified partitions exist. RefId:S01056"}
	}
	for _, t := range tables {
		if t.ext != nil {
			for _, p := range victims {
				if err := t.ext.Drop(p, t.sc().names); err != nil {
					return err
				}
			}
			continue
		}
		t.mu.Lock()
		for _, p := range victims {
			if d.DFS() {
				if err := d.cat.store.DropChunk(t.chunkID(p)); err != nil {
					t.mu.Unlock()
					return err
				}
			} else {
				delete(t.mem, p)
			}
		}
		t.mu.Unlock()
	}
	return nil
}
