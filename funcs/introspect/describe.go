package introspect

import (
	"fmt"
	"reflect"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "snippet", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "other", Fn: snippet},
		funcs.Spec{Name: "constantDesc", Params: []string{"obj"}, Min: 1, Max: 1, Category: "other", Fn: constantDesc},
	)
}

// snippet is the text print shows for X, as a STRING.
func snippet(_ funcs.Env, args []value.Value) (value.Value, error) {
	return value.NewString(args[0].String()), nil
}

var categoryNames = map[value.Category]string{
	value.CatNothing: "NOTHING", value.CatLogical: "LOGICAL", value.CatIntegral: "INTEGRAL",
	value.CatFloating: "FLOATING", value.CatTemporal: "TEMPORAL", value.CatLiteral: "LITERAL",
	value.CatBinary: "BINARY", value.CatDecimal: "DECIMAL", value.CatMixed: "MIXED",
	value.CatSystem: "SYSTEM", value.CatDenary: "DENARY",
}

// constantDesc describes obj with the keys of funcs/c/constantdesc.md
// that apply to its form. Porpoise's values are garbage-collected and
// never shared by reference counting, so an argument is an independent,
// writable, non-temporary object with one reference; address is the
// value's identity in the process.
func constantDesc(_ funcs.Env, args []value.Value) (value.Value, error) {
	obj := args[0]
	var keys []string
	var vals []value.Value
	put := func(k string, v value.Value) {
		keys, vals = append(keys, k), append(vals, v)
	}
	str := func(s string) value.Value { return value.NewString(s) }
	put("form", str(obj.Form().String()))
	typ, cat := obj.Type(), categoryNames[obj.Type().Category()]
	switch x := obj.(type) {
	case *value.Vector:
		put("vectorType", str(vectorType(x)))
		put("nullFlag", value.NewBool(hasNull(x)))
		put("isView", value.NewBool(false))
	case *value.Pair:
		put("nullFlag", value.NewBool(hasNull(x.V)))
		put("isView", value.NewBool(false))
	case *value.Matrix:
		put("isIndexedMatrix", value.NewBool(false))
		put("isIndexedSeries", value.NewBool(false))
		put("nullFlag", value.NewBool(hasNull(x.V)))
		put("isView", value.NewBool(false))
	case *value.Table:
		put("tableType", str("BASIC"))
		typ, cat = value.AnyDictionary, categoryNames[value.CatMixed]
	case interface{ FuncName() string }:
		put("type", str(value.FunctionDef.String()))
		put("functionDefType", str(functionDefType(x)))
		cat = categoryNames[value.CatSystem]
	}
	if _, ok := obj.(interface{ FuncName() string }); !ok {
		put("type", str(typ.String()))
	}
	if typ.IsDecimal() {
		if s, ok := obj.(*value.Scalar); ok {
			put("scale", value.NewInt(s.Scale))
		} else if v, ok := obj.(*value.Vector); ok {
			put("scale", value.NewInt(v.Scale))
		}
	}
	if v, ok := obj.(*value.Vector); ok && v.T == value.Any {
		put("isColumnarTuple", value.NewBool(v.Columnar))
	}
	put("category", str(cat))
	_, isFunc := obj.(interface{ FuncName() string })
	for _, k := range []string{"isTemporary", "isIndependent", "isReadonly", "isReadonlyArgument", "isStatic", "isTransient", "copyOnWrite"} {
		// a function value is made for the call (constantdesc.md: lj's
		// isTemporary is true)
		put(k, value.NewBool(k == "isIndependent" || k == "isTemporary" && isFunc))
	}
	put("refCount", value.NewInt(1))
	put("address", str(fmt.Sprintf("%016x", addressOf(obj))))
	rows, cols := system.ObjShape(obj)
	put("rows", value.NewInt(int32(rows)))
	put("columns", value.NewInt(int32(cols)))
	put("memoryAllocated", value.NewLong(memlimit.EstimateBytes(obj)))
	return funcs.DictOf(value.NewStrings(value.String, keys), value.NewTuple(vals)), nil
}

func vectorType(v *value.Vector) string {
	switch {
	case v.T == value.Any:
		return "ANY VECTOR"
	case v.T.IsArray():
		return "ARRAY VECTOR"
	}
	return "FAST VECTOR"
}

func functionDefType(f interface{ FuncName() string }) string {
	if _, ok := f.(*funcs.Spec); ok {
		return "SYSTEM FUNCTION"
	}
	return "USER DEFINED FUNCTION"
}

func hasNull(v *value.Vector) bool {
	for i := range v.Len() {
		if v.IsNull(i) {
			return true
		}
	}
	return false
}

func addressOf(v value.Value) uintptr {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer {
		return rv.Pointer()
	}
	return 0
}
