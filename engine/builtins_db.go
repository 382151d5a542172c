package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("database", p("directory", "partitionType", "partitionScheme", "locations", "engine", "atomic", "chunkGranularity"), 1, 7,
		func(in *interp, args []value.Value, _ []string) (value.Value, error) { return in.newDatabase(args) })
	reg("createPartitionedTable", p("dbHandle", "table", "tableName", "partitionColumns", "compressMethods", "sortColumns", "keepDuplicates", "sortKeyMappingFunction", "softDelete"), 4, 9,
		func(in *interp, args []value.Value, _ []string) (value.Value, error) {
			return in.createTable(args, false)
		})
	reg("createTable", p("dbHandle", "table", "tableName", "compressMethods", "sortColumns", "keepDuplicates"), 3, 6,
		func(in *interp, args []value.Value, _ []string) (value.Value, error) {
			return in.createTable(args, true)
		})
	alias("createDimensionTable", "createTable")
	reg("loadTable", p("database", "tableName", "partitions", "memoryMode"), 2, 4, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.s.checkRead(); err != nil {
			return nil, err
		}
		db, err := in.dbArg(args[0])
		if err != nil {
			if path, ok := stringArg(args[0]); ok {
				name, _ := stringArg(args[1])
				return nil, fmt.Errorf("getFileBlocksMeta on path '/%s/%s.tbl' failed, reason: path does not exist", strings.TrimPrefix(path, "dfs://"), name)
			}
			return nil, err
		}
		name, ok := stringArg(args[1])
		if !ok {
			return nil, errors.New("The table name must be a string.")
		}
		db.mu.Lock()
		t := db.tables[name]
		db.mu.Unlock()
		if t == nil {
			return nil, fmt.Errorf("getFileBlocksMeta on path '/%s/%s.tbl' failed, reason: path does not exist", db.name(), name)
		}
		return t, nil
	})
	reg("existsDatabase", p("dbUrl"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		path, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The database path must be a string.")
		}
		return value.NewBool(in.s.eng.existsDatabase(path)), nil
	})
	reg("existsTable", p("dbUrl", "tableName"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		path, ok1 := stringArg(args[0])
		name, ok2 := stringArg(args[1])
		if !ok1 || !ok2 {
			return nil, errors.New("The database path and table name must be strings.")
		}
		db, err := in.s.eng.lookupDatabase(path)
		if err != nil {
			return value.NewBool(false), nil
		}
		db.mu.Lock()
		defer db.mu.Unlock()
		return value.NewBool(db.tables[name] != nil), nil
	})
	reg("dropDatabase", p("directory"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.s.checkWrite(); err != nil {
			return nil, err
		}
		path, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The database path must be a string.")
		}
		return nil, in.s.eng.dropDatabase(path)
	})
	reg("dropTable", p("dbHandle", "tableName"), 2, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.s.checkWrite(); err != nil {
			return nil, err
		}
		db, err := in.dbArg(args[0])
		if err != nil {
			return nil, err
		}
		name, ok := stringArg(args[1])
		if !ok {
			return nil, errors.New("The table name must be a string.")
		}
		db.mu.Lock()
		defer db.mu.Unlock()
		if db.tables[name] == nil {
			return nil, fmt.Errorf("The table [%s] does not exist in database [%s].", name, db.path)
		}
		delete(db.tables, name)
		if db.dfs() {
			return nil, in.s.eng.store.DropTable(db.path, name)
		}
		return nil, nil
	})
	reg("dropPartition", p("dbHandle", "partitionPaths", "tableName", "forceDelete", "deleteSchema"), 2, 5, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.s.checkWrite(); err != nil {
			return nil, err
		}
		return nil, in.dropPartition(args)
	})
	reg("addValuePartitions", p("dbHandle", "newValues", "level", "locations"), 2, 4, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.addPartitions(args, partition.VALUE)
	})
	reg("addRangePartitions", p("dbHandle", "newRanges", "level", "locations"), 2, 4, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.addPartitions(args, partition.RANGE)
	})
}

// checkRead refuses database reads before login.
func (s *Session) checkRead() error {
	if s.user == "" {
		return errors.New("<NotAuthenticated>Not granted to read data. Please login first.")
	}
	return nil
}

// dbArg accepts a database handle or a dfs:// path.
func (in *interp) dbArg(v value.Value) (*database, error) {
	switch x := v.(type) {
	case *database:
		return x, nil
	case *value.Scalar:
		if path, ok := stringArg(x); ok {
			return in.s.eng.lookupDatabase(path)
		}
	}
	return nil, errors.New("The first argument must be a database handle.")
}

func (in *interp) newDatabase(args []value.Value) (value.Value, error) {
	path, ok := stringArg(args[0])
	if !ok && !isNullArg(args[0]) {
		return nil, errors.New("The database directory must be a string.")
	}
	e := in.s.eng
	if path != "" && !strings.HasPrefix(path, "dfs://") {
		return nil, fmt.Errorf("Invalid database directory %s: only dfs:// paths and \"\" (in-memory) are supported.", path)
	}
	if path != "" {
		if err := in.s.checkWrite(); err != nil {
			return nil, err
		}
	}
	if len(args) < 3 || arg(args, 1) == nil {
		if path == "" {
			return nil, errors.New("The partition type and scheme are required for an in-memory database.")
		}
		return e.lookupDatabase(path)
	}
	ptype, err := intArg(args[1], "database")
	if err != nil {
		return nil, err
	}
	dom, err := in.newDomain(partition.PartitionType(ptype), args[2])
	if err != nil {
		return nil, err
	}
	engineType := "OLAP"
	if s, ok := stringArg(arg(args, 4)); ok && s != "" {
		engineType = strings.ToUpper(s)
		if engineType != "OLAP" && engineType != "TSDB" {
			return nil, fmt.Errorf("Invalid storage engine %s. It must be OLAP or TSDB.", s)
		}
	}
	atomic := "TRANS"
	if s, ok := stringArg(arg(args, 5)); ok && s != "" {
		atomic = strings.ToUpper(s)
		if atomic != "TRANS" && atomic != "CHUNK" {
			return nil, fmt.Errorf("Invalid atomic level %s. It must be TRANS or CHUNK.", s)
		}
	}
	if arg(args, 6) != nil && !isNullArg(args[6]) && !e.cfg.EnableChunkGranularityConfig {
		return nil, errors.New("The chunkGranularity parameter can't be set unless enableChunkGranularityConfig=true.")
	}
	db := &database{eng: e, path: path, domain: dom, engineType: engineType, atomic: atomic, tables: map[string]*ptable{}}
	if path == "" {
		return db, nil
	}
	e.dbMu.Lock()
	defer e.dbMu.Unlock()
	if old, ok := e.dbs[path]; ok {
		if old.domain.Type() != dom.Type() || old.domain.Len() != dom.Len() && dom.Type() != partition.VALUE {
			return nil, fmt.Errorf("The database %s already exists with a different partition scheme.", path)
		}
		return old, nil
	}
	if err := e.saveDatabase(db); err != nil {
		return nil, err
	}
	e.dbs[path] = db
	return db, nil
}

func isNullArg(v value.Value) bool {
	s, ok := v.(*value.Scalar)
	return v == nil || ok && s.Null
}

// newDomain builds a partition domain from database()'s arguments; COMPO
// takes a vector of database handles.
func (in *interp) newDomain(p partition.PartitionType, scheme value.Value) (partition.Domain, error) {
	if p == partition.COMPO {
		v, ok := scheme.(*value.Vector)
		if !ok || v.T != value.Any {
			return nil, errors.New("The partition scheme of a COMPO database must be a vector of database handles.")
		}
		var levels []partition.Domain
		for _, x := range v.Any {
			db, ok := x.(*database)
			if !ok {
				return nil, errors.New("The partition scheme of a COMPO database must be a vector of database handles.")
			}
			levels = append(levels, db.domain)
		}
		return partition.NewCompo(levels...)
	}
	var vec *value.Vector
	switch x := scheme.(type) {
	case *value.Vector:
		vec = x
	case *value.Scalar:
		vec = x.Vector()
	case *value.Pair:
		vec = x.V
	default:
		return nil, errors.New("Invalid partition scheme.")
	}
	if p == partition.SEQ {
		return nil, errors.New("SEQ partitioning is not supported.")
	}
	return partition.NewDomain(p, vec)
}

// createTable implements createPartitionedTable and createTable /
// createDimensionTable (dimension: no partition columns).
func (in *interp) createTable(args []value.Value, dimension bool) (value.Value, error) {
	if err := in.s.checkWrite(); err != nil {
		return nil, err
	}
	db, err := in.dbArg(args[0])
	if err != nil {
		return nil, err
	}
	schema, ok := args[1].(*value.Table)
	if !ok {
		return nil, errors.New("The second argument must be a table.")
	}
	name, ok := stringArg(args[2])
	if !ok {
		return nil, errors.New("The table name must be a string.")
	}
	names, types, scales := valueTableSchema(schema)
	t := &ptable{db: db, name: name, names: append([]string(nil), names...), types: types, scales: scales,
		dimension: dimension, mem: map[string]*value.Table{}}
	sortArg, keepArg := 5, 6
	if dimension {
		sortArg, keepArg = 4, 5
	} else {
		cols, ok := stringsArg(args[3])
		if !ok {
			return nil, errors.New("The partitioning columns must be a string scalar or vector.")
		}
		levels := db.levels()
		if len(cols) != len(levels) {
			return nil, partition.ErrCompoColumns
		}
		ctypes := make([]value.Type, len(cols))
		for i, c := range cols {
			j := schema.ColumnIndex(c)
			if j < 0 {
				return nil, fmt.Errorf("The partitioning column %s doesn't exist in the table.", c)
			}
			t.partCols = append(t.partCols, j)
			ctypes[i] = types[j]
		}
		if c, ok := db.domain.(*partition.Compo); ok {
			if err := c.CheckColumnTypes(ctypes); err != nil {
				return nil, err
			}
		} else if err := partition.CheckColumnType(db.domain, ctypes[0]); err != nil {
			return nil, err
		}
	}
	if sc := arg(args, sortArg); sc != nil && !isNullArg(sc) {
		cols, ok := stringsArg(sc)
		if !ok {
			return nil, errors.New("sortColumns must be a string scalar or vector.")
		}
		for _, c := range cols {
			j := schema.ColumnIndex(c)
			if j < 0 {
				return nil, fmt.Errorf("The sort column %s doesn't exist in the table.", c)
			}
			t.sortCols = append(t.sortCols, j)
		}
	}
	if db.engineType == "TSDB" && len(t.sortCols) == 0 && db.dfs() {
		return nil, errors.New("sortColumns must be specified for a table in a TSDB database.")
	}
	if db.engineType != "TSDB" {
		t.sortCols = nil
	}
	if kd, ok := stringArg(arg(args, keepArg)); ok {
		switch strings.ToUpper(kd) {
		case "ALL":
			t.keep = storage.KeepAll
		case "FIRST":
			t.keep = storage.KeepFirst
		case "LAST":
			t.keep = storage.KeepLast
		default:
			return nil, fmt.Errorf("Invalid keepDuplicates %s. It must be ALL, FIRST or LAST.", kd)
		}
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.tables[name] != nil && db.dfs() {
		return nil, fmt.Errorf("The table [%s] already exists in database [%s].", name, db.path)
	}
	if err := in.s.eng.saveTable(t); err != nil {
		return nil, err
	}
	db.tables[name] = t
	return t, nil
}

// dropDatabase removes a dfs:// database and everything in it.
func (e *Engine) dropDatabase(path string) error {
	e.dbMu.Lock()
	defer e.dbMu.Unlock()
	if _, ok := e.dbs[path]; !ok {
		return fmt.Errorf("The database [%s] does not exist.", path)
	}
	delete(e.dbs, path)
	return e.store.DropDatabase(path)
}

// addPartitions implements addValuePartitions / addRangePartitions.
func (in *interp) addPartitions(args []value.Value, kind partition.PartitionType) (value.Value, error) {
	db, err := in.dbArg(args[0])
	if err != nil {
		return nil, err
	}
	level := 0
	if l := arg(args, 2); l != nil && !isNullArg(l) {
		k, err := intArg(l, "addPartitions")
		if err != nil {
			return nil, err
		}
		level = int(k)
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	levels := db.levels()
	if level < 0 || level >= len(levels) {
		return nil, errors.New("The level is out of range.")
	}
	o, err := asOperand(args[1])
	if err != nil {
		return nil, err
	}
	var n int
	switch d := levels[level].(type) {
	case *partition.Value:
		if kind != partition.VALUE {
			return nil, errors.New("addRangePartitions only applies to a RANGE domain.")
		}
		n, err = d.AddValues(o.v)
	case *partition.Range:
		if kind != partition.RANGE {
			return nil, errors.New("addValuePartitions only applies to a VALUE domain.")
		}
		n, err = d.AddRanges(o.v)
	default:
		if kind == partition.VALUE {
			return nil, errors.New("addValuePartitions only applies to a VALUE domain.")
		}
		return nil, errors.New("addRangePartitions only applies to a RANGE domain.")
	}
	if err != nil {
		return nil, err
	}
	if err := in.s.eng.saveDatabase(db); err != nil {
		return nil, err
	}
	return value.NewInt(int32(n)), nil
}

// dropPartition removes the chunks of the given partitions: paths such as
// "/20240101/Key1" (strings starting with "/") or level-0 values.
func (in *interp) dropPartition(args []value.Value) error {
	db, err := in.dbArg(args[0])
	if err != nil {
		return err
	}
	var tableName string
	if tn := arg(args, 2); tn != nil {
		tableName, _ = stringArg(tn)
	}
	db.mu.Lock()
	all := db.partitionPaths(nil)
	var tables []*ptable
	for name, t := range db.tables {
		if tableName == "" || name == tableName {
			tables = append(tables, t)
		}
	}
	db.mu.Unlock()
	var prefixes []string
	if paths, ok := stringsArg(args[1]); ok && len(paths) > 0 && strings.HasPrefix(paths[0], "/") {
		prefixes = paths
	} else {
		o, err := asOperand(args[1])
		if err != nil {
			return err
		}
		first := db.levels()[0]
		if o.v.T != first.SchemeType() && o.v.T.Category() != first.SchemeType().Category() {
			return &partition.Error{Code: "S01058", Msg: "The data type of the specified partition does not match the partitioning scheme of the database."}
		}
		idx, err := first.Map(o.v)
		if err != nil {
			return err
		}
		for _, i := range idx {
			if i >= 0 {
				prefixes = append(prefixes, "/"+first.DirName(int(i), db.eng.cfg.IgnoreSpecialCharacterInPartitionId))
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
		return &partition.Error{Code: "S01056", Msg: "None of the specified partitions exist."}
	}
	for _, t := range tables {
		t.mu.Lock()
		for _, p := range victims {
			if db.dfs() {
				if err := db.eng.store.DropChunk(t.chunkID(p)); err != nil {
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
