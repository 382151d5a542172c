package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// A scheduled job's function must render as script; a value that is no
// function can't be saved.
func TestFunctionExprUnsaveable(t *testing.T) {
	for name, fn := range map[string]value.Value{
		"scalar": value.NewDouble(1.5),
		"vector": value.NewDoubles([]float64{1, 2}),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := functionExpr(fn)
			require.EqualError(t, err, ddberr.Errorf("The function %s can't be saved with a scheduled job.", fn.String()).Error())
		})
	}
}
