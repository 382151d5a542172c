package ctxval

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

type a struct{ n int }
type b struct{ n int }

func TestFrom(t *testing.T) {
	ctx := With(With(context.Background(), a{1}), b{2})
	tests := []struct {
		name    string
		ctx     context.Context
		wantA   a
		okA     bool
		wantInt bool
	}{
		{"nil context carries nothing", nil, a{}, false, false},
		{"empty context carries nothing", context.Background(), a{}, false, false},
		{"each type keeps its own value", ctx, a{1}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := From[a](tc.ctx)
			require.Equal(t, tc.okA, ok)
			require.Equal(t, tc.wantA, got)
			_, ok = From[int](tc.ctx)
			require.Equal(t, tc.wantInt, ok)
		})
	}
	got, ok := From[b](ctx)
	require.True(t, ok)
	require.Equal(t, b{2}, got)
	inner, _ := From[a](With(ctx, a{3}))
	require.Equal(t, a{3}, inner, "the innermost value of a type wins")
}
