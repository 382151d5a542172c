package sqljoin

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// A join kind the parser never produces is refused before either side is
// evaluated, so no host is needed.
func TestSQLUnknownKind(t *testing.T) {
	for _, kind := range []string{"asof", "", "outer"} {
		t.Run(kind, func(t *testing.T) {
			_, _, err := SQL(nil, &ast.JoinExpr{Kind: kind}, nil)
			require.EqualError(t, err, ddberr.Errorf("SQL %s join is not supported", kind).Error())
		})
	}
}
