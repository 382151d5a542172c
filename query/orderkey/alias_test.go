package orderkey

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

func TestDesc(t *testing.T) {
	items := []ast.OrderItem{{X: &ast.Ident{Name: "sym"}}, {X: &ast.Ident{Name: "minute"}, Desc: true}}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"sym", false},
		{"minute", true},
		{"other", false},
	} {
		require.Equal(t, tc.want, Desc(items, tc.name), tc.name)
	}
}
