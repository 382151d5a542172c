package streaming

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// streamTable builds a table as table() does and makes it a stream
// table.
func streamTable(args []value.Value, names []string) (*value.Table, error) {
	t, err := system.NewTable(args, names)
	if err != nil {
		return nil, err
	}
	return stream.Mark(t), nil
}

// keyedStream is keyedStreamTable: a keyed stream table that drops a row
// whose key is already in memory.
func keyedStream(args []value.Value, names []string) (*value.Table, error) {
	t, err := system.Keyed(value.KeyedTable)(args, names)
	if err != nil {
		return nil, err
	}
	t.KeepFirst = true
	return stream.Mark(t), nil
}

// latest is latestKeyedTable/latestIndexedTable(keyColumns, timeColumn,
// ...): a keyed or indexed table whose rows a new row of the same key
// replaces only when its time is not earlier.
func latest(kind value.TableKind) system.Builder {
	return func(args []value.Value, names []string) (*value.Table, error) {
		t, cols, err := latestTable(kind, args, names)
		if err != nil {
			return nil, err
		}
		if len(cols) != 1 {
			return nil, ddberr.Errorf("The time column %s doesn't exist in the table.", args[1].String())
		}
		t.LatestCols = cols
		return t, nil
	}
}

// latestTable builds the keyed or indexed table of latest's arguments and
// finds the time columns timeColumn names (integral or temporal).
func latestTable(kind value.TableKind, args []value.Value, names []string) (*value.Table, []int, error) {
	cols, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, nil, ddberr.Errorf("The time column %s doesn't exist in the table.", args[1].String())
	}
	rest := append([]value.Value{args[0]}, args[2:]...)
	restNames := append([]string{names[0]}, names[2:]...)
	t, err := system.Keyed(kind)(rest, restNames)
	if err != nil {
		return nil, nil, err
	}
	at := make([]int, len(cols))
	for i, col := range cols {
		j := t.ColumnIndex(col)
		if j < 0 {
			return nil, nil, ddberr.Errorf("The time column %s doesn't exist in the table.", col)
		}
		if c := t.Cols[j].T.Category(); c != value.CatIntegral && c != value.CatTemporal {
			return nil, nil, ddberr.Errorf("The time column %s must be of an integral or temporal type.", col)
		}
		at[i] = j
	}
	return t, at, nil
}

// latestKeyedStream is latestKeyedStreamTable(keyColumns, timeColumn,
// ...): a keyed stream table that appends a row of a known key only when
// its time is later than the key's latest row's. timeColumn names one
// time column, or two: a DATE and a time of day, compared together as
// concatDateTime of them would be.
func latestKeyedStream(args []value.Value, names []string) (*value.Table, error) {
	t, cols, err := latestTable(value.KeyedTable, args, names)
	if err != nil {
		return nil, err
	}
	switch len(cols) {
	case 1:
	case 2:
		if t.Cols[cols[0]].T != value.Date {
			return nil, ddberr.Errorf("The first of two time columns of latestKeyedStreamTable must be of DATE type.")
		}
		switch t.Cols[cols[1]].T {
		case value.Time, value.Second, value.NanoTime:
		default:
			return nil, ddberr.Errorf("The second time column of latestKeyedStreamTable must be of TIME, SECOND or NANOTIME type.")
		}
	default:
		return nil, ddberr.Errorf("timeColumn of latestKeyedStreamTable must be a string scalar or a vector of 2 strings.")
	}
	t.LatestCols, t.KeepFirst = cols, true
	return stream.Mark(t), nil
}

// haStreamTable needs a cluster with Raft groups for streaming, which a
// Porpoise server is not.
func haStreamTable(_ funcs.Env, args []value.Value) (value.Value, error) {
	name, _ := funcs.StringArg(funcs.Arg(args, 2))
	return nil, ddberr.Errorf("Failed to create the HA stream table %s. The feature of HA streaming has not been enabled. RefId: S03021", name)
}
