package textio

import (
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

var loadParams = []string{"filename", "delimiter", "schema", "skipRows", "arrayDelimiter", "containHeader", "arrayMarker"}

func init() {
	funcs.Register(
		funcs.Spec{Name: "loadText", Params: loadParams, Min: 1, Max: 7, Props: funcs.Session, Category: "load",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) { return loadTextFn(env, "loadText", args) }},
		funcs.Spec{Name: "ploadText", Params: loadParams, Min: 1, Max: 7, Props: funcs.Session, Category: "load",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return loadTextFn(env, "ploadText", args)
			}},
		funcs.Spec{Name: "extractTextSchema", Params: []string{"filename", "delimiter", "skipRows"}, Min: 1, Max: 3, Props: funcs.Session, Category: "db-table",
			Fn: extractTextSchema},
		funcs.Spec{Name: "loadTextEx", Params: []string{"dbHandle", "tableName", "partitionColumns", "filename", "delimiter", "schema", "skipRows", "transform", "sortColumns", "atomic", "arrayDelimiter", "containHeader", "arrayMarker"},
			Min: 4, Max: 13, Props: funcs.Session, Category: "load", Fn: loadTextEx},
		funcs.Spec{Name: "saveText", Params: []string{"obj", "filename", "delimiter", "append", "header", "bom"}, Min: 2, Max: 6,
			Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: saveText},
		funcs.Spec{Name: "saveTextFile", Params: []string{"content", "filename", "append", "lastModified"}, Min: 2, Max: 4,
			Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: saveTextFile},
		funcs.Spec{Name: "textChunkDS", Params: []string{"filename", "chunkSize", "delimiter", "schema", "skipRows", "arrayDelimiter", "containHeader", "arrayMarker"},
			Min: 2, Max: 8, Props: funcs.Session, Category: "db-table", Fn: textChunkDS},
		funcs.Spec{Name: "loadRecord", Params: []string{"filename", "schema", "skipBytes", "count"}, Min: 2, Max: 4,
			Props: funcs.Session, Category: "load", Fn: loadRecord},
	)
}

// loadTextFn is loadText and ploadText. ploadText returns the same plain
// in-memory table: Porpoise has no segmented in-memory table for it to
// build.
func loadTextFn(env funcs.Env, fn string, args []value.Value) (value.Value, error) {
	o, data, err := readWithOptions(env, fn, args, 0, [6]int{1, 2, 3, 4, 5, 6})
	if err != nil {
		return nil, err
	}
	return loadTable(env, fn, data, o)
}

func extractTextSchema(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "extractTextSchema"
	o, data, err := readWithOptions(env, fn, args, 0, [6]int{1, -1, 2, -1, -1, -1})
	if err != nil {
		return nil, err
	}
	p, err := prepare(fn, data, o)
	if err != nil {
		return nil, err
	}
	return schemaTable(p.plans), nil
}

// loadTextEx loads a file and writes it into a database's table through
// the same built-ins a script would call: the table is created from the
// loaded data (createPartitionedTable, with sortColumns for TSDB) unless
// it exists, then the rows are appended.
func loadTextEx(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "loadTextEx"
	o, data, err := readWithOptions(env, fn, args, 3, [6]int{4, 5, 6, 10, 11, 12})
	if err != nil {
		return nil, err
	}
	t, err := loadTable(env, fn, data, o)
	if err != nil {
		return nil, err
	}
	var rows value.Value = t
	if tr := funcs.Arg(args, 7); !funcs.EmptyArg(tr) {
		if !funcs.IsFunction(tr) {
			return nil, fmt.Errorf("%s: transform must be a unary function.", fn)
		}
		if rows, err = env.Call(tr, t); err != nil {
			return nil, err
		}
		if _, ok := rows.(*value.Table); !ok {
			return nil, fmt.Errorf("%s: transform must return a table.", fn)
		}
	}
	db, name := args[0], funcs.Arg(args, 1)
	if funcs.EmptyArg(name) {
		name = value.NewString("")
	}
	call := func(f string, a ...value.Value) (value.Value, error) {
		fv, ok := env.Function(f)
		if !ok {
			return nil, fmt.Errorf("%s: %s is not available", fn, f)
		}
		return env.Call(fv, a...)
	}
	target, err := call("loadTable", db, name)
	if err != nil {
		a := []value.Value{db, rows, name, args[2]}
		if sc := funcs.Arg(args, 8); !funcs.EmptyArg(sc) {
			a = append(a, value.NullScalar(value.Void), sc)
		}
		if target, err = call("createPartitionedTable", a...); err != nil {
			return nil, err
		}
	}
	if _, err := call("append!", target, rows); err != nil {
		return nil, err
	}
	return target, nil
}
