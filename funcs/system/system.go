package system

import (
	"fmt"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// xsyntaxOf renders a function's parameters as DolphinDB's syntax column
// does: "(X, [Y])" with the optional ones bracketed.
func xsyntaxOf(f funcs.FuncInfo) string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		if f.Max < 0 && i == len(f.Params)-1 {
			p += "..."
		}
		if i >= f.Min {
			p = "[" + p + "]"
		}
		parts[i] = p
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// xdefs is the table of known functions (name, isCommand, userDefined,
// minParamCount, maxParamCount, syntax), optionally filtered by a pattern.
// A variadic function's maxParamCount is NULL.
func xdefs(env funcs.Env, args []value.Value) (value.Value, error) {
	pat := ""
	if len(args) == 1 {
		p, ok := funcs.StringArg(args[0])
		if !ok {
			return nil, ddberr.Errorf("The argument of defs must be a string.")
		}
		pat = p
	}
	all := env.Functions()
	names := value.NewVector(value.String, 0, len(all))
	cmd := value.NewVector(value.Bool, 0, len(all))
	user := value.NewVector(value.Bool, 0, len(all))
	minP := value.NewVector(value.Int, 0, len(all))
	maxP := value.NewVector(value.Int, 0, len(all))
	syn := value.NewVector(value.String, 0, len(all))
	for _, f := range all {
		if pat != "" && !kernel.LikeMatch(f.Name, pat) {
			continue
		}
		names.Str = append(names.Str, f.Name)
		cmd.I8 = append(cmd.I8, kernel.BoolAs[int8](f.Command))
		user.I8 = append(user.I8, kernel.BoolAs[int8](f.UserDefined))
		minP.I32 = append(minP.I32, int32(f.Min))
		if f.Max < 0 {
			maxP.I32 = append(maxP.I32, value.NullInt32)
		} else {
			maxP.I32 = append(maxP.I32, int32(f.Max))
		}
		syn.Str = append(syn.Str, xsyntaxOf(f))
	}
	return value.NewTable([]string{"name", "isCommand", "userDefined", "minParamCount", "maxParamCount", "syntax"},
		[]*value.Vector{names, cmd, user, minP, maxP, syn}), nil
}

// ObjShape is a value's rows and columns, as form-aware functions
// (size, shape) count them.
func ObjShape(v value.Value) (int, int) {
	switch x := v.(type) {
	case *value.Vector:
		return x.Len(), 1
	case *value.Pair:
		return 2, 1
	case *value.Matrix:
		return x.Rows, x.Cols
	case *value.Table:
		return x.Rows(), x.NumCols()
	case *value.Set:
		return x.V.Len(), 1
	case *value.Dict:
		return x.Len(), 1
	}
	return 1, 1
}

// xobjs is objs(shared): one row per session variable (and, with shared,
// per shared object): name, type, form, rows, columns, bytes, shared,
// extra, and owner when shared is true.
func xobjs(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	withShared := funcs.OptBool(funcs.Arg(args, 0), false)
	var names, types, forms, extras, owners []string
	var rows, cols, bytes []int64
	var shared []int8
	for _, o := range h.SessionObjects(withShared) {
		// another session may be writing it: read it under its lock
		sh, _ := h.ReadObject(o, "objs", func(v value.Value) any { return objsShape(v) }).(shape)
		typ := o.Value.Type().String()
		extra := ""
		if o.Value.Form() == value.FormTable {
			typ = "BASIC"
			if t, ok := o.Value.(interface{ LogicalPath() string }); ok {
				typ = "ALIAS"
				extra = t.LogicalPath()
			}
		}
		owner := ""
		if o.Shared {
			owner = "admin"
		}
		names, types, forms = append(names, o.Name), append(types, typ), append(forms, o.Value.Form().String())
		rows, cols, bytes = append(rows, sh.rows), append(cols, sh.cols), append(bytes, sh.bytes)
		shared, extras, owners = append(shared, kernel.BoolAs[int8](o.Shared)), append(extras, extra), append(owners, owner)
	}
	colNames := []string{"name", "type", "form", "rows", "columns", "bytes", "shared", "extra"}
	colVals := []*value.Vector{
		value.NewStrings(value.String, names), value.NewStrings(value.String, types), value.NewStrings(value.String, forms),
		value.NewLongs(rows), value.NewLongs(cols), value.NewLongs(bytes),
		{T: value.Bool, I8: shared}, value.NewStrings(value.String, extras),
	}
	if withShared {
		colNames = append(colNames, "owner")
		colVals = append(colVals, value.NewStrings(value.String, owners))
	}
	return value.NewTable(colNames, colVals), nil
}

// shape is the rows, columns and approximate bytes of an object as objs
// reports them.
type shape struct{ rows, cols, bytes int64 }

// objsShape is v's shape.
func objsShape(v value.Value) shape {
	switch x := v.(type) {
	case *value.Table:
		// A table holds its columns plus 232 bytes and 40 a column:
		// memSize.md's 1952 for 100 rows of INT, DATE and DOUBLE and 280
		// for one DOUBLE, objs.md's 832 for 40 rows of three 4-byte columns.
		sh := shape{rows: int64(x.Rows()), cols: int64(len(x.Cols)), bytes: 232 + 40*int64(len(x.Cols))}
		for _, c := range x.Cols {
			sh.bytes += vectorBytes(c)
		}
		return sh
	case engineTable:
		// DolphinDB counts a DFS table's handle, not its data: 0 rows
		// (objs.md lists pt with rows 0 after appending to it).
		names, _, _ := x.Schema()
		return shape{cols: int64(len(names))}
	case *value.Vector:
		return shape{int64(x.Len()), 1, vectorBytes(x)}
	case *value.Matrix:
		return shape{int64(x.Rows), int64(x.Cols), vectorBytes(x.V)}
	case *value.Pair:
		return shape{int64(x.V.Len()), 1, vectorBytes(x.V)}
	case *value.Set:
		return shape{int64(x.V.Len()), 1, vectorBytes(x.V)}
	case *value.Dict:
		return shape{int64(x.Len()), 1, vectorBytes(x.Keys) + vectorBytes(x.Vals)}
	}
	return shape{1, 1, 16}
}

// vectorBytes estimates a vector's payload: element width times length
// (a SYMBOL's 4-byte codes, as objs.md counts them), or the characters of
// its strings.
func vectorBytes(v *value.Vector) int64 {
	if v.T == value.Symbol {
		return 4 * int64(v.Len())
	}
	if v.T.Category() == value.CatLiteral {
		var n int64
		for _, s := range v.Strings() {
			n += int64(len(s)) + 1
		}
		return n
	}
	if b, _ := v.FixedBytes(); b != nil {
		return int64(len(b))
	}
	return 8 * int64(v.Len())
}

// memSize is the bytes obj holds, as objs counts them (funcs/m/memSize.md).
func memSize(_ funcs.Env, args []value.Value) (value.Value, error) {
	return value.NewLong(objsShape(args[0]).bytes), nil
}

// xgetCurrentSessionAndUser is (sessionId, userId, remoteIP, remotePort);
// an embedded session has no remote address (empty IP, NULL port).
func xgetCurrentSessionAndUser(env funcs.Env, args []value.Value) (value.Value, error) {
	info := env.SessionInfo()
	user := auth.OrGuest(info.User)
	port := value.NullScalar(value.Int)
	if info.RemotePort > 0 {
		port = value.NewInt(int32(info.RemotePort))
	}
	return value.NewTuple([]value.Value{value.NewLong(info.ID), value.NewString(user), value.NewString(info.RemoteIP), port}), nil
}

func xsyntaxFn(env funcs.Env, args []value.Value) (value.Value, error) {
	f, ok := args[0].(interface{ FuncName() string })
	if !funcs.IsFunction(args[0]) || !ok {
		return nil, ddberr.Errorf("The argument of syntax must be a function.")
	}
	name := f.FuncName()
	for _, info := range env.Functions() {
		if info.Name == name {
			return value.NewString(name + xsyntaxOf(info)), nil
		}
	}
	return value.NewString(name + "()"), nil
}

// xevalTimer runs functions without arguments count times in turn and
// returns the elapsed milliseconds.
func xevalTimer(env funcs.Env, args []value.Value) (value.Value, error) {
	var fns []value.Value
	if t, ok := args[0].(*value.Vector); ok && t.T == value.Any {
		fns = t.Any
	} else {
		fns = []value.Value{args[0]}
	}
	for _, f := range fns {
		if !funcs.IsFunction(f) {
			return nil, ddberr.Errorf("The argument [funcs] of evalTimer must be a function or a tuple of functions.")
		}
	}
	count, err := funcs.IntArg("evalTimer", "count", funcs.Arg(args, 1), 1)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	for i := int64(0); i < count; i++ {
		for _, f := range fns {
			if err := env.Context().Err(); err != nil {
				return nil, err
			}
			if _, err := env.Call(f); err != nil {
				return nil, err
			}
		}
	}
	return value.NewDouble(float64(time.Since(start).Nanoseconds()) / 1e6), nil
}

// xpartial is f{args...}: the interpreter's own partial application, so
// that an empty argument, partial(mmax,,2), is a slot the call fills as in
// mmax{,2}, and the result prints and embeds in metacode as that does.
func xpartial(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := higherorder.FnArg("partial", args[0])
	if err != nil {
		return nil, err
	}
	bind := map[string]value.Value{"__partial_fn": fn}
	e := &ast.PartialExpr{Fn: &ast.Ident{Name: "__partial_fn"}, Args: make([]ast.Expr, len(args)-1)}
	for i, a := range args[1:] {
		if a == nil {
			continue
		}
		name := fmt.Sprintf("__partial_arg%d", i)
		bind[name] = a
		e.Args[i] = &ast.Ident{Name: name}
	}
	return env.Eval(e, bind)
}

// xmember is X.Y: a table's column or a dictionary's entry by name.
func xmember(env funcs.Env, args []value.Value) (value.Value, error) {
	key, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [Y] of member must be a string.")
	}
	switch x := args[0].(type) {
	case *value.Table:
		if c := x.Column(key); c != nil {
			return c, nil
		}
		return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", key)
	case *value.Dict:
		return funcs.Index(env, x, args[1])
	}
	return nil, ddberr.Errorf("The argument [X] of member must be a table or dictionary.")
}

func setRandomSeedFn(env funcs.Env, args []value.Value) (value.Value, error) {
	seed, err := funcs.IntArg("setRandomSeed", "seed", args[0], 0)
	if err != nil {
		return nil, err
	}
	env.SetRandomSeed(seed)
	return nil, nil
}
