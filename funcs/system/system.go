package system

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "defs", Params: []string{"X"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: xdefs},
		funcs.Spec{Name: "objs", Params: []string{"shared"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: xobjs},
		funcs.Spec{Name: "getCurrentSessionAndUser", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetCurrentSessionAndUser},
		funcs.Spec{Name: "syntax", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: xsyntaxFn},
		funcs.Spec{Name: "evalTimer", Params: []string{"funcs", "count"}, Min: 1, Max: 2, Category: "system", Fn: xevalTimer},
		funcs.Spec{Name: "partial", Params: []string{"func", "args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "system", Fn: xpartial},
		funcs.Spec{Name: "member", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "system", Fn: xmember},
		funcs.Spec{Name: "setRandomSeed", Params: []string{"seed"}, Min: 1, Max: 1, Props: funcs.Command | funcs.Session, Category: "system", Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			seed, err := funcs.IntArg("setRandomSeed", "seed", args[0], 0)
			if err != nil {
				return nil, err
			}
			env.SetRandomSeed(seed)
			return nil, nil
		}},
		funcs.Spec{Name: "getHomeDir", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: func(env funcs.Env, _ []value.Value) (value.Value, error) {
			return value.NewString(env.SessionInfo().HomeDir), nil
		}},
		// Porpoise keeps no dimension-table, tablet or map-reduce caches
		// beside the data itself, so there is nothing for it to drop; the
		// clients call it between tests and expect it to succeed.
		funcs.Spec{Name: "clearAllCache", Min: 0, Max: 0, Props: funcs.Command | funcs.Session, Category: "system", Fn: func(funcs.Env, []value.Value) (value.Value, error) {
			return nil, nil
		}},
	)
}

// xlikePattern matches s against a xdefs pattern: % any run, ? one char.
func xlikePattern(pat, s string) bool {
	if pat == "" {
		return s == ""
	}
	switch pat[0] {
	case '%':
		for i := 0; i <= len(s); i++ {
			if xlikePattern(pat[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && xlikePattern(pat[1:], s[1:])
	}
	return s != "" && s[0] == pat[0] && xlikePattern(pat[1:], s[1:])
}

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
			return nil, errors.New("The argument of xdefs must be a string.")
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
		if pat != "" && !xlikePattern(pat, f.Name) {
			continue
		}
		names.Str = append(names.Str, f.Name)
		cmd.I8 = append(cmd.I8, xboolI8(f.Command))
		user.I8 = append(user.I8, xboolI8(f.UserDefined))
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

func xboolI8(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

// xformName is DolphinDB's name of a data form, as xobjs() shows it.
func xformName(v value.Value) string {
	switch v.Form() {
	case value.FormScalar:
		return "SCALAR"
	case value.FormVector:
		return "VECTOR"
	case value.FormPair:
		return "PAIR"
	case value.FormMatrix:
		return "MATRIX"
	case value.FormSet:
		return "SET"
	case value.FormDictionary:
		return "DICTIONARY"
	case value.FormTable:
		return "TABLE"
	}
	return "SCALAR"
}

// xobjShape is xobjs()'s rows and columns of a value.
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

// xobjBytes estimates the memory a value holds, as xobjs() reports it.
func xobjBytes(v value.Value) int64 {
	vecBytes := func(x *value.Vector) int64 {
		n := int64(x.Len())
		switch x.T.Storage() {
		case value.StInt8:
			return n
		case value.StInt16:
			return 2 * n
		case value.StInt32, value.StFloat32:
			return 4 * n
		case value.StInt64, value.StFloat64:
			return 8 * n
		case value.StBytes16:
			return 16 * n
		case value.StString:
			b := int64(0)
			for _, s := range x.Str {
				b += int64(len(s)) + 1
			}
			return b
		}
		b := int64(0)
		for _, e := range x.Any {
			b += xobjBytes(e)
		}
		return b
	}
	switch x := v.(type) {
	case *value.Vector:
		return vecBytes(x)
	case *value.Pair:
		return vecBytes(x.V)
	case *value.Matrix:
		return vecBytes(x.V)
	case *value.Set:
		return vecBytes(x.V)
	case *value.Dict:
		return vecBytes(x.Keys) + vecBytes(x.Vals)
	case *value.Table:
		b := int64(0)
		for _, c := range x.Cols {
			b += vecBytes(c)
		}
		return b
	case *value.Scalar:
		return 16
	}
	return 0
}

// xobjType is xobjs()'s type column: the element type, or BASIC/SYMBOL
// style names for containers.
func xobjType(v value.Value) string {
	switch x := v.(type) {
	case *value.Table:
		return "BASIC"
	case *value.Vector:
		if x.T == value.Any {
			return "ANY"
		}
	}
	return v.Type().String()
}

func xobjs(env funcs.Env, args []value.Value) (value.Value, error) {
	shared, err := funcs.BoolArg("objs", "shared", funcs.Arg(args, 0), false)
	if err != nil {
		return nil, err
	}
	list := env.Objects(shared)
	n := len(list)
	name := value.NewVector(value.String, 0, n)
	typ := value.NewVector(value.String, 0, n)
	form := value.NewVector(value.String, 0, n)
	rows := value.NewVector(value.Int, 0, n)
	cols := value.NewVector(value.Int, 0, n)
	bytes := value.NewVector(value.Long, 0, n)
	sh := value.NewVector(value.Bool, 0, n)
	extra := value.NewVector(value.String, 0, n)
	owner := value.NewVector(value.String, 0, n)
	me := env.SessionInfo().User
	for _, o := range list {
		name.Str = append(name.Str, o.Name)
		typ.Str = append(typ.Str, xobjType(o.Value))
		form.Str = append(form.Str, xformName(o.Value))
		r, c := ObjShape(o.Value)
		rows.I32 = append(rows.I32, int32(r))
		cols.I32 = append(cols.I32, int32(c))
		bytes.I64 = append(bytes.I64, xobjBytes(o.Value))
		sh.I8 = append(sh.I8, xboolI8(o.Shared))
		extra.Str = append(extra.Str, "")
		if o.Shared {
			owner.Str = append(owner.Str, me)
		} else {
			owner.Str = append(owner.Str, "")
		}
	}
	names := []string{"name", "type", "form", "rows", "columns", "bytes", "shared", "extra"}
	vecs := []*value.Vector{name, typ, form, rows, cols, bytes, sh, extra}
	if shared {
		names = append(names, "owner")
		vecs = append(vecs, owner)
	}
	return value.NewTable(names, vecs), nil
}

// xgetCurrentSessionAndUser is (sessionId, userId, remoteIP, remotePort);
// an embedded session has no remote address (empty IP, NULL port).
func xgetCurrentSessionAndUser(env funcs.Env, args []value.Value) (value.Value, error) {
	info := env.SessionInfo()
	user := info.User
	if user == "" {
		user = "guest"
	}
	port := value.NullScalar(value.Int)
	if info.RemotePort > 0 {
		port = value.NewInt(int32(info.RemotePort))
	}
	return value.NewTuple([]value.Value{value.NewLong(info.ID), value.NewString(user), value.NewString(info.RemoteIP), port}), nil
}

func xsyntaxFn(env funcs.Env, args []value.Value) (value.Value, error) {
	f, ok := args[0].(interface{ FuncName() string })
	if !funcs.IsFunction(args[0]) || !ok {
		return nil, errors.New("The argument of syntax must be a function.")
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
			return nil, errors.New("The argument [funcs] of xevalTimer must be a function or a tuple of functions.")
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

// xpartial is f{args...}: a function that calls f with args followed by its
// own arguments.
func xpartial(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := higherorder.FnArg("partial", args[0])
	if err != nil {
		return nil, err
	}
	bound := append([]value.Value(nil), args[1:]...)
	name := "partial"
	if f, ok := fn.(interface{ FuncName() string }); ok {
		name = f.FuncName()
	}
	return &funcs.Spec{
		Name: name, Min: 0, Max: -1, Props: funcs.Pure, Category: "system",
		Fn: func(env funcs.Env, a []value.Value) (value.Value, error) {
			return env.Call(fn, append(append([]value.Value(nil), bound...), a...)...)
		},
	}, nil
}

// xmember is X.Y: a table's column or a dictionary's entry by name.
func xmember(env funcs.Env, args []value.Value) (value.Value, error) {
	key, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, errors.New("The argument [Y] of xmember must be a string.")
	}
	switch x := args[0].(type) {
	case *value.Table:
		if c := x.Column(key); c != nil {
			return c, nil
		}
		return nil, fmt.Errorf("The column [%s] doesn't exist in the table.", key)
	case *value.Dict:
		return funcs.Index(env, x, args[1])
	}
	return nil, errors.New("The argument [X] of xmember must be a table or dictionary.")
}
