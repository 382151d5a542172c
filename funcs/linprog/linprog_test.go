package linprog

import (
	"testing"

	"github.com/porpoisedb/porpoise/ddberr"
)

// TestSimplexStd checks the standard-form simplex on a degenerate
// problem and the text of a run that reaches its iteration limit.
func TestSimplexStd(t *testing.T) {
	// min -x - y, x + y + s1 = 1, x + s2 = 1 (x, y, s >= 0)
	y, st := simplexStd(nil, []float64{-1, -1, 0, 0}, [][]float64{{1, 1, 1, 0}, {1, 0, 0, 1}}, []float64{1, 1})
	if st != lpOptimal || y[0]+y[1] < 1-1e-12 || y[0]+y[1] > 1+1e-12 {
		t.Fatalf("got %v %v", y, st)
	}
	want := ddberr.Errorf("The problem of %s reached the maximum number of iterations.", "linprog").Error()
	if got := statusError("linprog", lpIterLimit).Error(); got != want {
		t.Fatalf("got %q", got)
	}
}
