package rsengine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// A query of the metrics that does not give one row per row it was
// given is refused rather than written: no script reaches this, as
// context by gives a row per row or fails with its own text.
func TestMetricsGivingOtherRowsAreRefused(t *testing.T) {
	dummy := value.NewTable([]string{"k", "v"}, []*value.Vector{value.NewLongs(nil), value.NewLongs(nil)})
	cfg := &config{metrics: &streamengine.Metrics{Exprs: []ast.Expr{&ast.Ident{Name: "v"}}, Bind: map[string]value.Value{}}, keys: []int{0}}
	// every query gives one row, whatever it was given
	oneRow := value.NewTable([]string{seqName, "m"}, []*value.Vector{value.NewLongs([]int64{0}), value.NewLongs([]int64{1})})
	e := newEngine(fakeenv.Query{V: oneRow}, cfg, dummy)
	err := e.Consume(value.NewTable([]string{"k", "v"}, []*value.Vector{value.NewLongs([]int64{1, 1}), value.NewLongs([]int64{2, 3})}))
	require.Equal(t, ddberr.Errorf("A stream engine's metrics must give a table.").Error(), err.Error())
}
