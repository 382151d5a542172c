package readonly

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/stretchr/testify/require"
)

// TestNamesMatchAMap runs random declarations and undefinitions, across
// the size where the set leaves its slice for a map, and checks every
// answer against a plain map.
func TestNamesMatchAMap(t *testing.T) {
	for _, pool := range []int{3, smallSet, 4 * smallSet} {
		t.Run(fmt.Sprint(pool), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(pool), 7))
			var n Names
			consts, mutables := map[string]bool{}, map[string]bool{}
			for step := 0; step < 2000; step++ {
				name := fmt.Sprintf("v%d", r.IntN(pool))
				switch r.IntN(4) {
				case 0, 1:
					n.Declare(name)
					consts[name] = true
				case 2:
					n.Forget(name)
					delete(consts, name)
				case 3:
					n.DeclareMutable(name)
					mutables[name] = true
				}
				probe := fmt.Sprintf("v%d", r.IntN(pool+2))
				err := n.CheckAssign(&ast.Ident{Name: probe, At: ast.Pos{Line: 3}})
				if consts[probe] {
					require.EqualError(t, err, "Syntax Error: [line #3] Constant variable ["+probe+"] can't be modified.")
				} else {
					require.NoError(t, err)
				}
				err = n.CheckMutableArg("append!", []ast.Expr{&ast.Ident{Name: probe}})
				if consts[probe] {
					require.EqualError(t, err, "Read only object can't be applied to mutable function append!")
				} else {
					require.NoError(t, err)
				}
				require.Equal(t, mutables[probe], n.Mutable(probe), probe)
			}
		})
	}
}

func TestNilNamesTakeNone(t *testing.T) {
	var n *Names
	require.NoError(t, n.CheckAssign(&ast.Ident{Name: "x"}))
	require.NoError(t, n.CheckMutableArg("append!", []ast.Expr{&ast.Ident{Name: "x"}}))
	require.False(t, n.Mutable("x"))
	n.Forget("x")
	require.EqualError(t, n.CheckAssign(&ast.Ident{Name: "pi", At: ast.Pos{Line: 1}}), "Syntax Error: [line #1] Please use '==' rather than '=' as equal operator in non-sql expression.")
}

// BenchmarkCallFrame is what each user-function call does: declare its
// parameters in a new frame, then check an assignment.
func BenchmarkCallFrame(b *testing.B) {
	target := &ast.Ident{Name: "s"}
	for b.Loop() {
		n := &Names{}
		n.Declare("a")
		n.Declare("b")
		if err := n.CheckAssign(target); err != nil {
			b.Fatal(err)
		}
	}
}

// TestForkIsIndependent changes a fork and its origin apart, across the
// slice-to-map switch, and checks each against a plain map: neither may
// see the other's declarations or undefinitions.
func TestForkIsIndependent(t *testing.T) {
	for _, size := range []int{1, 3, smallSet, 2 * smallSet} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			var origin Names
			want := map[string]bool{}
			for i := 0; i < size; i++ {
				origin.Declare(fmt.Sprintf("p%d", i))
				want[fmt.Sprintf("p%d", i)] = true
			}
			origin.DeclareMutable("m")
			r := rand.New(rand.NewPCG(uint64(size), 11))
			sets := []*Names{&origin}
			wants := []map[string]bool{want}
			for k := 0; k < 3; k++ {
				f := origin.Fork()
				sets = append(sets, &f)
				wants = append(wants, maps.Clone(want))
			}
			for step := 0; step < 500; step++ {
				k := r.IntN(len(sets))
				name := fmt.Sprintf("p%d", r.IntN(size+3))
				if r.IntN(2) == 0 {
					sets[k].Declare(name)
					wants[k][name] = true
				} else {
					sets[k].Forget(name)
					delete(wants[k], name)
				}
				for j, n := range sets {
					for i := 0; i < size+3; i++ {
						probe := fmt.Sprintf("p%d", i)
						err := n.CheckAssign(&ast.Ident{Name: probe, At: ast.Pos{Line: 1}})
						require.Equal(t, wants[j][probe], err != nil, "set %d name %s", j, probe)
					}
					require.True(t, n.Mutable("m"))
				}
			}
		})
	}
}
