package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/partition"
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
		if local, ok := dbfuncs.LocalDatabaseArg(args[0]); ok {
			name, ok := stringArg(args[1])
			if !ok {
				return nil, errors.New("The table name must be a string.")
			}
			return dbfuncs.LoadLocalTable(in, local, name)
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
		t := db.Table(name)
		if t == nil {
			return nil, fmt.Errorf("getFileBlocksMeta on path '/%s/%s.tbl' failed, reason: path does not exist", db.Name(), name)
		}
		if err := in.s.checkTableRead(t); err != nil {
			return nil, err
		}
		return wrapTable(t), nil
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
		db, err := in.s.eng.dbs.Lookup(path)
		if err != nil {
			return value.NewBool(false), nil
		}
		return value.NewBool(db.Table(name) != nil), nil
	})
	reg("dropDatabase", p("directory"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		path, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The database path must be a string.")
		}
		if err := in.s.checkDropDB(path); err != nil {
			return nil, err
		}
		if err := in.s.eng.dbs.DropDatabase(path); err != nil {
			return nil, err
		}
		return nil, in.s.eng.acl.DropDatabase(path)
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
		if err := in.s.checkDropTable(db); err != nil {
			return nil, err
		}
		if err := db.DropTable(name); err != nil {
			return nil, err
		}
		if !db.DFS() {
			return nil, nil
		}
		return nil, in.s.eng.acl.DropTable(auth.TablePath(db.Path(), name))
	})
	reg("dropPartition", p("dbHandle", "partitionPaths", "tableName", "forceDelete", "deleteSchema"), 2, 5, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if err := in.s.checkWrite(); err != nil {
			return nil, err
		}
		if db, err := in.dbArg(args[0]); err == nil {
			if err := in.s.checkManageDB(db); err != nil {
				return nil, err
			}
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

// dbArg accepts a database handle or a dfs:// path.
func (in *interp) dbArg(v value.Value) (*dfs.Database, error) {
	switch x := v.(type) {
	case *dfs.Database:
		return x, nil
	case *value.Scalar:
		if path, ok := stringArg(x); ok {
			return in.s.eng.dbs.Lookup(path)
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
		return in.newLocalDatabase(path, args)
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
		return e.dbs.Lookup(path)
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
	if path != "" {
		if existing, err := e.dbs.Lookup(path); err == nil {
			// database() on an existing path opens it: no check.
			return e.dbs.CreateDatabase(existing.Path(), dom, engineType, atomic)
		}
		if err := in.s.checkCreateDB(path); err != nil {
			return nil, err
		}
	}
	db, err := e.dbs.CreateDatabase(path, dom, engineType, atomic)
	if err != nil || path == "" {
		return db, err
	}
	return db, e.acl.SetDBOwner(path, in.s.user)
}

// newLocalDatabase is database(dir, ...) for a local directory (package
// dbfuncs keeps its tables), with the partition scheme when given.
func (in *interp) newLocalDatabase(path string, args []value.Value) (value.Value, error) {
	var dom partition.Domain
	if len(args) >= 3 && arg(args, 1) != nil {
		ptype, err := intArg(args[1], "database")
		if err != nil {
			return nil, err
		}
		if dom, err = in.newDomain(partition.PartitionType(ptype), args[2]); err != nil {
			return nil, err
		}
	}
	return dbfuncs.OpenLocalDatabase(in, path, dom)
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
			db, ok := x.(*dfs.Database)
			if !ok {
				return nil, errors.New("The partition scheme of a COMPO database must be a vector of database handles.")
			}
			levels = append(levels, db.Domain())
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
	spec := dfs.TableSpec{Name: name, Schema: schema, Dimension: dimension}
	sortArg, keepArg := 5, 6
	if dimension {
		sortArg, keepArg = 4, 5
	} else {
		cols, ok := stringsArg(args[3])
		if !ok {
			return nil, errors.New("The partitioning columns must be a string scalar or vector.")
		}
		spec.PartitionColumns = cols
	}
	if sc := arg(args, sortArg); sc != nil && !isNullArg(sc) {
		cols, ok := stringsArg(sc)
		if !ok {
			return nil, errors.New("sortColumns must be a string scalar or vector.")
		}
		spec.SortColumns = cols
	}
	spec.KeepDuplicates, spec.KeepGiven = stringArg(arg(args, keepArg))
	if err := in.s.checkCreateTable(db); err != nil {
		return nil, err
	}
	t, err := db.CreateTable(spec)
	if err != nil {
		return nil, err
	}
	if db.DFS() {
		if err := in.s.eng.acl.SetTableOwner(auth.TablePath(db.Path(), name), in.s.user); err != nil {
			return nil, err
		}
	}
	return wrapTable(t), nil
}

// addPartitions implements addValuePartitions / addRangePartitions.
func (in *interp) addPartitions(args []value.Value, kind partition.PartitionType) (value.Value, error) {
	db, err := in.dbArg(args[0])
	if err != nil {
		return nil, err
	}
	if err := in.s.checkManageDB(db); err != nil {
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
	o, err := asOperand(args[1])
	if err != nil {
		return nil, err
	}
	n, err := db.AddPartitions(kind, o.v, level)
	if err != nil {
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
	if paths, ok := stringsArg(args[1]); ok && len(paths) > 0 && strings.HasPrefix(paths[0], "/") {
		return db.DropPartitions(tableName, paths, nil)
	}
	o, err := asOperand(args[1])
	if err != nil {
		return err
	}
	return db.DropPartitions(tableName, nil, o.v)
}
