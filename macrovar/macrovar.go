package macrovar

import (
	"reflect"
	"strings"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// Expand is q with its macro variables replaced by the column names the
// variables hold (get reads a variable); q itself when it has none.
func Expand(q *ast.SelectExpr, get func(name string) (value.Value, error)) (*ast.SelectExpr, error) {
	if !hasMacro(q) {
		return q, nil
	}
	c := copyTree(reflect.ValueOf(q)).Interface().(*ast.SelectExpr)
	x := &expander{get: get}
	for _, list := range []*[]ast.Expr{&c.Cols, &c.GroupBy, &c.ContextBy, &c.PivotBy, &c.CGroupBy} {
		*list = x.spread(*list)
	}
	x.rewrite(reflect.ValueOf(c))
	return c, x.err
}

// macroName is the variable an identifier names as a macro variable
// (_$name, or _$$name with multi), "" for an ordinary identifier.
func macroName(id string) (name string, multi bool) {
	if rest, ok := strings.CutPrefix(id, "_$$"); ok {
		return rest, true
	}
	rest, _ := strings.CutPrefix(id, "_$")
	return rest, false
}

func isMacro(id string) bool { return strings.HasPrefix(id, "_$") }

func hasMacro(q *ast.SelectExpr) bool {
	found := false
	astwalk.Inspect(q, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			found = found || isMacro(x.Name)
		case *ast.AliasExpr:
			found = found || isMacro(x.Name)
		}
		return !found
	})
	return found
}

type expander struct {
	get func(string) (value.Value, error)
	err error
}

// columns are the column names a macro variable holds.
func (x *expander) columns(id string) ([]string, bool) {
	name, multi := macroName(id)
	v, err := x.get(name)
	if err == nil {
		names, ok := funcs.StringsArg(v)
		s, scalar := v.(*value.Scalar)
		if ok && len(names) > 0 && (multi || scalar && s.T.Category() == value.CatLiteral) {
			return names, multi
		}
		err = ddberr.Errorf("The macro variable %s must hold column names as a STRING.", id)
	}
	if x.err == nil {
		x.err = err
	}
	return []string{name}, multi
}

// spread replaces each _$$names item of a list by its columns.
func (x *expander) spread(list []ast.Expr) []ast.Expr {
	var out []ast.Expr
	for _, e := range list {
		if id, ok := e.(*ast.Ident); ok && strings.HasPrefix(id.Name, "_$$") {
			names, _ := x.columns(id.Name)
			for _, n := range names {
				out = append(out, &ast.Ident{At: id.At, Name: n})
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// rewrite replaces, in place in the copied tree, _$name by its column,
// _$$names by the tuple of its columns, and macro aliases by the names.
func (x *expander) rewrite(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		switch n := v.Interface().(type) {
		case *ast.AliasExpr:
			if isMacro(n.Name) {
				names, multi := x.columns(n.Name)
				if multi {
					n.Name, n.Names = "", names
				} else {
					n.Name = names[0]
				}
			}
		}
		x.rewrite(v.Elem())
	case reflect.Interface:
		if id, ok := v.Interface().(*ast.Ident); ok && isMacro(id.Name) {
			names, multi := x.columns(id.Name)
			var e ast.Expr = &ast.Ident{At: id.At, Name: names[0]}
			if multi {
				t := &ast.TupleExpr{At: id.At}
				for _, n := range names {
					t.Elems = append(t.Elems, &ast.Ident{At: id.At, Name: n})
				}
				e = t
			}
			if v.CanSet() && reflect.TypeOf(e).AssignableTo(v.Type()) {
				v.Set(reflect.ValueOf(e))
			}
			return
		}
		if !v.IsNil() {
			x.rewrite(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				x.rewrite(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			x.rewrite(v.Index(i))
		}
	}
}

var atomicValue = reflect.TypeFor[atomic.Value]()

// exportedOnly reports whether every field of struct type t is exported,
// so copyTree can copy it field by field without reading it whole.
func exportedOnly(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() {
			return false
		}
	}
	return true
}

// copyTree deep-copies a syntax tree: pointers, interfaces, structs and
// slices are copied, everything else shared, but for the interpreter's
// caches, left empty.
func copyTree(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(copyTree(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(copyTree(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		if v.Type() == atomicValue {
			// a literal's conversion cache, which a query body running on
			// several goroutines (peach) fills while another copies it:
			// the copy starts empty and converts its literals once itself
			return c
		}
		if !exportedOnly(v.Type()) {
			c.Set(v)
		}
		for i := 0; i < v.NumField(); i++ {
			if c.Field(i).CanSet() {
				c.Field(i).Set(copyTree(v.Field(i)))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(copyTree(v.Index(i)))
		}
		return c
	}
	return v
}
