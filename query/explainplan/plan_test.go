package explainplan

import (
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestJSON(t *testing.T) {
	cases := []struct {
		plan Plan
		want string
	}{
		{Plan{Rows: 10, Cost: 23 * time.Microsecond},
			`{"measurement":"microsecond","explain":{"rows":10,"cost":23}}`},
		{Plan{From: 13 * time.Microsecond, Partitioned: true, Partitions: 204, Map: 22260 * time.Microsecond, Rows: 1000000, Cost: 30988 * time.Microsecond},
			`{"measurement":"microsecond","explain":{"from":{"cost":13},"map":{"partitions":{"local":204,"remote":0},"cost":22260},"rows":1000000,"cost":30988}}`},
		{Plan{Partitioned: true, Rows: 0},
			`{"measurement":"microsecond","explain":{"from":{"cost":0},"map":{"partitions":{"local":0,"remote":0},"cost":0},"rows":0,"cost":0}}`},
	}
	for _, c := range cases {
		require.Equal(t, c.want, c.plan.JSON())
	}
}

func TestRows(t *testing.T) {
	require.Equal(t, 3, Rows(value.NewInts([]int32{1, 2, 3})))
	require.Equal(t, 2, Rows(value.NewTable([]string{"a"}, []*value.Vector{value.NewInts([]int32{1, 2})})))
	require.Equal(t, 1, Rows(value.NewInt(7)))
}
