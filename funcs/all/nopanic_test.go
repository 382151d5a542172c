package all

import (
	"context"
	"fmt"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// argPool is a spread of argument forms and types, NULLs and empties
// included, that the string, temporal, conversion and grouping
// built-ins must answer with a value or an error, never a panic.
func argPool() []value.Value {
	ints := value.NewInts([]int32{3, value.NullInt32, -2})
	dates := &value.Vector{T: value.Date, I32: []int32{17000, value.NullInt32, 18000}}
	ts := &value.Vector{T: value.Timestamp, I64: []int64{1_600_000_000_000, value.NullInt64}}
	strs := value.NewStrings(value.String, []string{"a%b", "", "2012.06.13"})
	syms := value.NewStrings(value.Symbol, []string{"x", "", "x"})
	return []value.Value{
		value.NewInt(2), value.NewInt(0), value.NewInt(-1), value.NullScalar(value.Int),
		value.NewDouble(2.5), value.NewString("1y"), value.NewString(""), value.NewString("{\"a\":[1,2]}"),
		value.NullScalar(value.Void), value.NewBool(true), value.NewTyped(value.Date, 17000),
		value.NewTyped(value.Second, 3600), value.NewTyped(value.Timestamp, 1_600_000_000_000),
		ints, dates, ts, strs, syms,
		value.NewVector(value.Int, 0, 0), value.NewStrings(value.String, []string{}),
		value.NewPair(value.NewInt(1), value.NewInt(3)),
		value.NewTuple([]value.Value{ints, value.NewInts([]int32{1, 2, 3})}),
		&value.Matrix{V: value.NewInts([]int32{1, 2, 3, 4}), Rows: 2, Cols: 2},
		value.NewTable([]string{"a", "b"}, []*value.Vector{ints, strs}),
		value.NewDuration(2, "d"), value.NewDecimal(value.Decimal32, 1234, 2),
	}
}

// reserveOnly is the Env of these calls: a built-in that only accounts
// the memory it allocates (seq) or looks for cancellation (cutPoints'
// sort) runs; one that asks for more of the interpreter panics on the nil
// Env inside and is reported.
type reserveOnly struct{ funcs.Env }

func (reserveOnly) Reserve(int) error { return nil }

func (reserveOnly) Context() context.Context { return context.Background() }

var noPanicCategories = map[string]bool{"string": true, "temporal": true, "types-conversion": true, "grouping": true, "cut": true}

func TestNoPanicOnAnyArguments(t *testing.T) {
	pool := argPool()
	small := pool[:6]
	for _, s := range funcs.All() {
		if !noPanicCategories[s.Category] || s.Props.Has(funcs.Session) {
			continue
		}
		call := func(args []value.Value) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s%v panicked: %v", s.Name, fmt.Sprint(args), r)
				}
			}()
			_, _ = s.Fn(reserveOnly{}, args)
		}
		hi := s.Max
		if hi < 0 || hi > 3 {
			hi = 3
		}
		for n := s.Min; n <= hi; n++ {
			switch n {
			case 0:
				call(nil)
			case 1:
				for _, a := range pool {
					call([]value.Value{a})
				}
			case 2:
				for _, a := range pool {
					for _, b := range pool {
						call([]value.Value{a, b})
					}
				}
			default:
				for _, a := range pool {
					for _, b := range pool {
						for _, c := range small {
							args := []value.Value{a, b, c}
							for len(args) < n {
								args = append(args, c)
							}
							call(args)
						}
					}
				}
			}
		}
	}
}
