package streamengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// scalarEnv is an interpreter whose queries give a scalar, which no
// script's query does.
type scalarEnv struct{ funcs.Env }

func (scalarEnv) EvalSession(ast.Expr, map[string]value.Value) (value.Value, error) {
	return value.NewInt(1), nil
}

// Run refuses a query that does not give a table.
func TestRunNeedsATable(t *testing.T) {
	_, err := streamengine.Run(scalarEnv{}, streamengine.Select([]ast.Expr{&ast.Ident{Name: "x"}}), value.NewTable(nil, nil), nil)
	require.EqualError(t, err, ddberr.Errorf("A stream engine's metrics must give a table.").Error())
}
