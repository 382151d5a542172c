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

func TestBound(t *testing.T) {
	svc := &a{7}
	tests := []struct {
		name    string
		ctx     context.Context
		wantSvc *a
		wantReq string
		ok      bool
	}{
		{"nil context carries nothing", nil, nil, "", false},
		{"a nil service binds nothing", WithBound[a](context.Background(), nil, "r"), nil, "", false},
		{"service and request come back together", WithBound(context.Background(), svc, "r"), svc, "r", true},
		{"another request type is another key", WithBound(context.Background(), svc, 1), nil, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gotSvc, gotReq, ok := BoundFrom[a, string](tc.ctx)
			require.Equal(t, tc.ok, ok)
			require.Same(t, tc.wantSvc, gotSvc)
			require.Equal(t, tc.wantReq, gotReq)
		})
	}
}
