package sqldialect

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/porpoisedb/porpoise/value"
)

// xrunSQL runs the script X parsed in the dialect sqlStd names, in the
// caller's scope, with the variables dictionary's entries bound to its
// names while each statement runs (funcs/r/runsql.md). SQL DDL is
// refused in every dialect, insert/update/delete in Oracle's and MySQL's.
func xrunSQL(env funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("runSQL", args)
	script := r.StrScalar("X", r.Arg(0))
	d := words.DolphinDB
	if x := r.Given(1); x != nil {
		name, ok := funcs.StringArg(x)
		if d, ok = parseStd(name, ok); !ok {
			r.Fail(ddberr.Errorf("The argument [sqlStd] of runSQL must be 'ddb', 'oracle' or 'mysql'."))
		}
	}
	bind := funcs.Read(r, func() (map[string]value.Value, error) { return variables(r.Given(2)) })
	if err := r.Err(); err != nil {
		return nil, err
	}
	prog, err := sqlparse.ParseWith(script, sqlparse.Options{Dialect: d, IsFunction: func(name string) bool {
		_, ok := env.Function(name)
		return ok
	}})
	if err != nil {
		return nil, err
	}
	if prog.DDL {
		return nil, ddberr.Errorf("runSQL does not support SQL DDL statements.")
	}
	if prog.DML && d != words.DolphinDB {
		return nil, ddberr.Errorf("runSQL does not support insert, update or delete statements when sqlStd is 'oracle' or 'mysql'.")
	}
	var v value.Value
	for _, st := range prog.Stmts {
		if v, err = env.Exec(st, bind); err != nil {
			return nil, err
		}
	}
	if v == nil {
		return value.NewNothing(), nil
	}
	return v, nil
}

func parseStd(name string, ok bool) (words.Dialect, bool) {
	if !ok {
		return words.DolphinDB, false
	}
	return words.ParseDialect(name)
}

// variables reads runSQL's variables: a dictionary from names (a letter,
// then letters, digits and underscores) to values.
func variables(x value.Value) (map[string]value.Value, error) {
	if x == nil {
		return nil, nil
	}
	d, ok := x.(*value.Dict)
	if !ok || d.Keys.T.Category() != value.CatLiteral {
		return nil, ddberr.Errorf("The argument [variables] of runSQL must be a dictionary with STRING keys.")
	}
	names := d.Keys.Strings()
	out := make(map[string]value.Value, len(names))
	for i, name := range names {
		if !validName(name) {
			return nil, ddberr.Errorf("Invalid variable name '%s' in the variables of runSQL: a name starts with a letter and holds only letters, digits and underscores.", name)
		}
		out[name] = d.Vals.Elem(i)
	}
	return out, nil
}

func validName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !(c >= '0' && c <= '9') && c != '_' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
