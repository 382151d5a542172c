package decomp

import (
	"context"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// TestSortedMAD checks the rank merge against sorting the deviations.
func TestSortedMAD(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for it := 0; it < 2000; it++ {
		n := 1 + r.Intn(12)
		s := make([]float64, n)
		for i := range s {
			s[i] = float64(r.Intn(7))
		}
		slices.Sort(s)
		c := sortedMedian(s)
		dev := make([]float64, n)
		for i, v := range s {
			dev[i] = math.Abs(v - c)
		}
		if got, want := sortedMAD(s, c), median(dev); got != want {
			t.Fatalf("%v: got %v want %v", s, got, want)
		}
	}
}

// naiveGESD is the textbook loop: recompute the centre and spread of
// what is left, remove its first most extreme value.
func naiveGESD(y []float64, a esdArgs) []int {
	n := len(y)
	alive := make([]int, n)
	for i := range alive {
		alive[i] = i
	}
	var removed []int
	found := 0
	for i := 1; i <= a.k && len(alive) > 1; i++ {
		vals := make([]float64, len(alive))
		for p, j := range alive {
			vals[p] = y[j]
		}
		var c, sd float64
		if a.hybrid {
			c = median(slices.Clone(vals))
			dev := make([]float64, len(vals))
			for p, v := range vals {
				dev[p] = math.Abs(v - c)
			}
			sd = 1.4826 * median(dev)
		} else {
			for _, v := range vals {
				c += v
			}
			c /= float64(len(vals))
			for _, v := range vals {
				sd += (v - c) * (v - c)
			}
			sd = math.Sqrt(sd / float64(len(vals)-1))
		}
		if sd == 0 {
			break
		}
		best, at := -1.0, 0
		for p, v := range vals {
			if d := math.Abs(v-c) / sd; d > best {
				best, at = d, p
			}
		}
		removed = append(removed, alive[at])
		alive = append(alive[:at], alive[at+1:]...)
		one, _ := gesd(context.Background(), append([]float64(nil), y...), esdArgs{hybrid: a.hybrid, k: i, alpha: a.alpha})
		if len(one) == i {
			found = i
		}
	}
	return removed[:found]
}

// TestGESDOrder checks the sorted-run removal order against the naive
// loop, ties included.
func TestGESDOrder(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for it := 0; it < 300; it++ {
		n := 10 + r.Intn(40)
		y := make([]float64, n)
		for i := range y {
			y[i] = float64(r.Intn(20))
			if r.Intn(8) == 0 {
				y[i] += 60
			}
		}
		for _, h := range []bool{false, true} {
			a := esdArgs{hybrid: h, k: n / 3, alpha: 0.05}
			got, err := gesd(context.Background(), y, a)
			if err != nil {
				t.Fatal(err)
			}
			want := naiveGESD(y, a)
			if !slices.Equal(got, want) {
				t.Fatalf("hybrid=%v %v: got %v want %v", h, y, got, want)
			}
		}
	}
}

// TestTUpper checks the far-tail t quantile against scipy's t.isf.
func TestTUpper(t *testing.T) {
	for _, c := range []struct{ q, nu, want float64 }{
		{2.5e-7, 1e5, 5.026642880346525},
		{2.5e-8, 1e6, 5.451352299806717},
		{1e-3, 5000, 3.0918631199609825},
		{0.025, 10, 2.2281388519862753},
		{2.5e-5, 998, 4.073422055284903},
	} {
		if got := tUpper(c.q, c.nu); math.Abs(got/c.want-1) > 1e-10 {
			t.Errorf("tUpper(%g, %g) = %v, want %v", c.q, c.nu, got, c.want)
		}
	}
}
