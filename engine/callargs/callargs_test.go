package callargs

import (
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestFill(t *testing.T) {
	a, b, c := value.NewInt(1), value.NewInt(2), value.NewInt(3)
	for _, tc := range []struct {
		name              string
		bound, args, want []value.Value
	}{
		{"appended", []value.Value{a}, []value.Value{b, c}, []value.Value{a, b, c}},
		{"slot taken", []value.Value{a, nil, c}, []value.Value{b}, []value.Value{a, b, c}},
		{"slots in order", []value.Value{nil, b, nil}, []value.Value{a, c}, []value.Value{a, b, c}},
		{"trailing slot left out", []value.Value{a, nil}, nil, []value.Value{a}},
		{"call's empty slot at the end", []value.Value{a}, []value.Value{b, nil}, []value.Value{a, b}},
		{"inner slot stays", []value.Value{a, nil, nil}, nil, []value.Value{a}},
		{"all empty", []value.Value{nil}, nil, []value.Value{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, Fill([]value.Value{}, tc.bound, tc.args))
			var buf [4]value.Value
			got := Fill(buf[:0], tc.bound, tc.args)
			require.Equal(t, tc.want, append([]value.Value{}, got...))
		})
	}
}

func TestNames(t *testing.T) {
	a := value.NewInt(1)
	for _, tc := range []struct {
		name  string
		bound []value.Value
		names []string
		nargs int
		want  []string
	}{
		{"none", []value.Value{a}, nil, 2, nil},
		{"after bound", []value.Value{a}, []string{"x", "y"}, 2, []string{"", "x", "y"}},
		{"in slots", []value.Value{nil, a, nil}, []string{"x", "y"}, 2, []string{"x", "", "y"}},
		{"fewer names than args", []value.Value{a}, []string{"x"}, 2, []string{"", "x", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, Names(tc.bound, tc.names, tc.nargs))
		})
	}
}

func TestBind(t *testing.T) {
	a, b := value.NewInt(1), value.NewInt(2)
	for _, tc := range []struct {
		name   string
		params []string
		args   []value.Value
		named  map[string]value.Value
		want   []value.Value
		err    string
	}{
		{"in place", []string{"x", "y"}, []value.Value{a, nil}, map[string]value.Value{"y": b}, []value.Value{a, b}, ""},
		{"past the end", []string{"x", "y", "z"}, []value.Value{a}, map[string]value.Value{"z": b}, []value.Value{a, nil, b}, ""},
		{"alternative spelling", []string{"x", "keyColNames|keyCols"}, nil, map[string]value.Value{"keyCols": b}, []value.Value{nil, b}, ""},
		{"no such parameter", []string{"x"}, []value.Value{a}, map[string]value.Value{"k": b}, nil, "The function [f] doesn't have a parameter named k."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bind("f", tc.params, tc.args, tc.named)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestName(t *testing.T) {
	price, sym := &ast.Ident{Name: "price"}, &ast.Ident{Name: "sym"}
	for _, tc := range []struct {
		name      string
		arg       ast.Expr
		elemNames bool
		want      string
	}{
		{"a variable", price, false, "price"},
		{"elements unasked", &ast.ArrayExpr{Elems: []ast.Expr{price, sym}}, false, colname.Given(&ast.ArrayExpr{Elems: []ast.Expr{price, sym}})},
		{"elements", &ast.ArrayExpr{Elems: []ast.Expr{price, sym}}, true, "price" + funcs.ElemNameSep + "sym"},
		{"tuple elements", &ast.TupleExpr{Elems: []ast.Expr{price, sym}}, true, "price" + funcs.ElemNameSep + "sym"},
		{"one element", &ast.ArrayExpr{Elems: []ast.Expr{price}}, true, colname.Given(&ast.ArrayExpr{Elems: []ast.Expr{price}})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, Name(tc.arg, tc.elemNames))
		})
	}
}

func TestPlain(t *testing.T) {
	x := &ast.Ident{Name: "x"}
	for _, tc := range []struct {
		name string
		args []ast.Expr
		want bool
	}{
		{"none", nil, true},
		{"up to max", []ast.Expr{x, x}, true},
		{"more than max", []ast.Expr{x, x, x}, false},
		{"an empty slot", []ast.Expr{x, nil}, false},
		{"a named one", []ast.Expr{&ast.NamedArg{Name: "k", X: x}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, Plain(tc.args, 2))
		})
	}
}
