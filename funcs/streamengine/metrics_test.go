package streamengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Run refuses a query that does not give a table: here a scalar, which
// no script's query gives.
func TestRunNeedsATable(t *testing.T) {
	_, err := streamengine.Run(fakeenv.Query{V: value.NewInt(1)}, streamengine.Select([]ast.Expr{&ast.Ident{Name: "x"}}), value.NewTable(nil, nil), nil)
	require.EqualError(t, err, ddberr.Errorf("A stream engine's metrics must give a table.").Error())
}
