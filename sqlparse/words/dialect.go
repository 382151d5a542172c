package words

import "strings"

// Dialect is the SQL dialect a script is parsed in: DolphinDB's own, or
// Oracle's or MySQL's as far as DolphinDB emulates them (progr/sql/sql_intro.md,
// "SQL 方言兼容"). Its values are the request flag's bits 19-20.
type Dialect uint8

// The dialects, numbered as the request flag numbers them.
const (
	DolphinDB Dialect = iota
	Oracle
	MySQL
)

// ParseDialect reads runSQL's sqlStd ('ddb', 'oracle', 'mysql', in any
// case).
func ParseDialect(s string) (Dialect, bool) {
	switch strings.ToLower(s) {
	case "ddb":
		return DolphinDB, true
	case "oracle":
		return Oracle, true
	case "mysql":
		return MySQL, true
	}
	return DolphinDB, false
}

// dialectFuncs are the functions each dialect resolves to its own
// semantics (funcs/r/runsql.md's table), by lower-case name.
var dialectFuncs = [...]map[string]bool{
	Oracle: {
		"asciistr": true, "concat": true, "decode": true, "instr": true, "length": true,
		"listagg": true, "nvl": true, "nvl2": true, "regexp_like": true, "replace": true,
		"to_char": true, "to_date": true, "to_number": true, "trunc": true, "wm_concat": true,
	},
	MySQL: {"sysdate": true},
}

// dialectAnalytic are the ranking functions a dialect writes in any case
// before OVER (...): RANK() OVER (ORDER BY x) is the analytic rank.
var dialectAnalytic = map[string]bool{"rank": true, "dense_rank": true, "row_number": true}

// prefixes name each dialect in its functions' internal names.
var prefixes = [...]string{Oracle: "oracle.", MySQL: "mysql."}

// OracleConcat is the internal name of Oracle's || operator.
const OracleConcat = "oracle.||"

// DialectFunction is the internal name a call of name resolves to in
// dialect d. The name holds a dot, so no script spells it as a call: a
// DolphinDB script cannot reach a dialect's functions.
func DialectFunction(d Dialect, name string) (string, bool) {
	if int(d) >= len(dialectFuncs) || dialectFuncs[d] == nil {
		return "", false
	}
	lower := strings.ToLower(name)
	if !dialectFuncs[d][lower] {
		return "", false
	}
	return prefixes[d] + lower, true
}

// DialectAnalytic is the name a call of name before OVER (...) takes in
// dialect d: the lower-case name of a ranking function the dialect spells
// in any case.
func DialectAnalytic(d Dialect, name string) (string, bool) {
	if d == DolphinDB {
		return "", false
	}
	lower := strings.ToLower(name)
	return lower, dialectAnalytic[lower]
}

// DialectFunctions lists the internal names of every dialect function,
// the operator's included.
func DialectFunctions() []string {
	out := []string{OracleConcat}
	for d, fs := range dialectFuncs {
		for f := range fs {
			out = append(out, prefixes[d]+f)
		}
	}
	return out
}

// UserName is the name a user wrote for an internal dialect name
// (oracle.decode is decode; oracle.|| is concat, the function it is in
// Oracle): the name results' columns and error texts give. Any other name
// is returned as it is.
func UserName(name string) string {
	if name == OracleConcat {
		return "concat"
	}
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(name, p) {
			return name[len(p):]
		}
	}
	return name
}
