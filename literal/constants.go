package literal

import (
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/chart"
)

// intConstants are the built-in constant names that evaluate to an INT.
var intConstants = map[string]int32{
	"SEQ":    int32(partition.SEQ),
	"VALUE":  int32(partition.VALUE),
	"RANGE":  int32(partition.RANGE),
	"LIST":   int32(partition.LIST),
	"COMPO":  int32(partition.COMPO),
	"HASH":   int32(partition.HASH),
	"VAR":    int32(system.VarObj),
	"SHARED": int32(system.SharedObj),
	"DEF":    int32(system.DefObj),
	// seek's modes (funcs/s/seek.md), numbered as io.Seeker's whence
	"HEAD":    0,
	"CURRENT": 1,
	"TAIL":    2,
	// the data forms, as form() returns them
	"SCALAR": 0,
	"VECTOR": 1,
	"PAIR":   2,
	"MATRIX": 3,
	"SET":    4,
	"DICT":   5,
	"TABLE":  6,
	// sql's groupFlag (funcs/s/sql.md; tutorials/ddb_sql_cases.md
	// passes groupFlag = GROUPBY)
	"CONTEXTBY": 0,
	"GROUPBY":   1,
	"PIVOTBY":   2,
}

// Constant resolves the built-in constant names: data types evaluate to
// their INT type id, partition types to theirs.
func Constant(name string) (value.Value, bool) {
	if x, ok := intConstants[name]; ok {
		return value.NewInt(x), true
	}
	if x, ok := chart.TypeNames[name]; ok {
		return value.NewInt(x), true
	}
	switch name {
	case "ALL", "FIRST", "LAST", "NONE":
		return value.NewString(name), true
	case "DEBUG", "INFO", "WARNING", "ERROR":
		// the log levels of setLogLevel and writeLogLevel, which also
		// take their names as strings (funcs/w/writeloglevel.md)
		return value.NewString(name), true
	case "pi":
		return value.NewDouble(math.Pi), true
	case "e":
		// const.md: log e is 1
		return value.NewDouble(math.E), true
	}
	if p, ok := auth.PrivByName(name); ok {
		return value.NewInt(int32(p)), true
	}
	if t, ok := value.TypeByName(name); ok && name == strings.ToUpper(name) {
		return value.NewInt(int32(t)), true
	}
	return nil, false
}
