package learn

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The decision trees under the forests and boosting ensembles: each
// continuous feature is cut into at most numBins bins before training (the
// pages' numBins), so a split is chosen among the bins' edges from
// per-bin weighted histograms rather than among every distinct value.

// binnedFeatures are the training features discretised: edges[j] are
// feature j's candidate split values in increasing order and bins[j][i]
// the bin of row i, the number of edges below its value, so a split at
// edge s sends the rows of bins 0..s left (x <= edges[j][s]).
type binnedFeatures struct {
	edges [][]float64
	bins  [][]int32
}

// binFeatures cuts each column into at most numBins bins: between each
// pair of neighbouring distinct values when there are few enough of them,
// else at the column's quantiles.
func binFeatures(cols [][]float64, numBins int) binnedFeatures {
	b := binnedFeatures{edges: make([][]float64, len(cols)), bins: make([][]int32, len(cols))}
	for j, col := range cols {
		sorted := slices.Clone(col)
		slices.Sort(sorted)
		distinct := slices.Compact(slices.Clone(sorted))
		var edges []float64
		if len(distinct) <= numBins {
			for i := 1; i < len(distinct); i++ {
				edges = append(edges, distinct[i-1]+(distinct[i]-distinct[i-1])/2)
			}
		} else {
			for k := 1; k < numBins; k++ {
				q := sorted[k*len(sorted)/numBins]
				if (len(edges) == 0 || q > edges[len(edges)-1]) && q < distinct[len(distinct)-1] {
					edges = append(edges, q)
				}
			}
		}
		bins := make([]int32, len(col))
		for i, x := range col {
			bins[i] = int32(sort.SearchFloat64s(edges, x))
		}
		b.edges[j], b.bins[j] = edges, bins
	}
	return b
}

// treeParams are the growth limits a model's arguments set.
type treeParams struct {
	classes  int // 0 grows a regression tree
	features int // how many features each split considers
	maxDepth int
	minGain  float64
}

// tree is a grown tree in flat arrays, node 0 the root: feature is -1 at
// a leaf, whose width values (the class probabilities, or the mean) start
// at value[node*width].
type tree struct {
	feature   []int32
	threshold []float64
	left      []int32
	right     []int32
	value     []float64
	width     int
	weight    float64 // the tree's say in a boosted ensemble
}

// growTree fits a tree to the rows of rows with their weights w (rows
// with no weight take no part) by the largest impurity decrease, Gini
// impurity for classes and variance for a regression.
func growTree(b binnedFeatures, y, w []float64, rows []int32, p treeParams, rng *rand.Rand) *tree {
	width := max(p.classes, 1)
	t := &tree{width: width}
	type job struct {
		rows  []int32
		depth int
		node  int32
	}
	newNode := func() int32 {
		t.feature = append(t.feature, -1)
		t.threshold = append(t.threshold, 0)
		t.left = append(t.left, -1)
		t.right = append(t.right, -1)
		t.value = append(t.value, make([]float64, width)...)
		return int32(len(t.feature) - 1)
	}
	s := &splitter{b: b, y: y, w: w, p: p, order: make([]int, len(b.edges))}
	stack := []job{{rows: rows, node: newNode()}}
	for len(stack) > 0 {
		jb := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		imp, total := s.leafValue(jb.rows, t.value[int(jb.node)*width:int(jb.node+1)*width])
		if jb.depth >= p.maxDepth || len(jb.rows) < 2 || imp <= 1e-12 || total <= 0 {
			continue
		}
		f, edge, ok := s.best(jb.rows, imp, total, rng)
		if !ok {
			continue
		}
		thr := b.edges[f][edge]
		bins := b.bins[f]
		// partition rows in place: the left side first
		i, k := 0, len(jb.rows)-1
		for i <= k {
			if int(bins[jb.rows[i]]) <= edge {
				i++
			} else {
				jb.rows[i], jb.rows[k] = jb.rows[k], jb.rows[i]
				k--
			}
		}
		l, r := newNode(), newNode()
		t.feature[jb.node], t.threshold[jb.node], t.left[jb.node], t.right[jb.node] = int32(f), thr, l, r
		stack = append(stack, job{jb.rows[:i], jb.depth + 1, l}, job{jb.rows[i:], jb.depth + 1, r})
	}
	return t
}

// splitter finds a node's best split from the bins' histograms.
type splitter struct {
	b     binnedFeatures
	y, w  []float64
	p     treeParams
	order []int
	// buffers reused from node to node
	hist, left, totals []float64
}

// leafValue writes the node's prediction into out and returns its
// impurity and total weight.
func (s *splitter) leafValue(rows []int32, out []float64) (imp, total float64) {
	if s.p.classes > 0 {
		for _, r := range rows {
			out[int(s.y[r])] += s.w[r]
			total += s.w[r]
		}
		if total <= 0 {
			return 0, 0
		}
		gini := 1.0
		for k := range out {
			out[k] /= total
			gini -= out[k] * out[k]
		}
		return gini, total
	}
	sy, syy := 0.0, 0.0
	for _, r := range rows {
		sy += s.w[r] * s.y[r]
		syy += s.w[r] * s.y[r] * s.y[r]
		total += s.w[r]
	}
	if total <= 0 {
		return 0, 0
	}
	out[0] = sy / total
	return math.Max(syy/total-out[0]*out[0], 0), total
}

// best is the feature and edge of the split with the largest impurity
// decrease among p.features features drawn at random, ok false when no
// split decreases the impurity by more than 0 and by minGain.
func (s *splitter) best(rows []int32, imp, total float64, rng *rand.Rand) (feature, edge int, ok bool) {
	for j := range s.order {
		s.order[j] = j
	}
	if s.p.features < len(s.order) {
		rng.Shuffle(len(s.order), func(i, j int) { s.order[i], s.order[j] = s.order[j], s.order[i] })
	}
	width := 3 // weight, weighted sum, weighted sum of squares
	if s.p.classes > 0 {
		width = s.p.classes
	}
	bestGain := math.Max(s.p.minGain, 0)
	for _, f := range s.order[:min(s.p.features, len(s.order))] {
		nb := len(s.b.edges[f]) + 1
		if nb < 2 {
			continue
		}
		s.hist = slices.Grow(s.hist[:0], nb*width)[:nb*width]
		clear(s.hist)
		bins := s.b.bins[f]
		for _, r := range rows {
			h := s.hist[int(bins[r])*width:]
			if s.p.classes > 0 {
				h[int(s.y[r])] += s.w[r]
			} else {
				h[0] += s.w[r]
				h[1] += s.w[r] * s.y[r]
				h[2] += s.w[r] * s.y[r] * s.y[r]
			}
		}
		if e, gain := s.bestEdge(nb, width, imp, total); e >= 0 && gain > bestGain && gain > 1e-12 {
			bestGain, feature, edge, ok = gain, f, e, true
		}
	}
	return feature, edge, ok
}

// bestEdge is the split of the histogram's nb bins with the largest
// impurity decrease (the node impurity less the weighted impurities of
// both sides), -1 when no split leaves weight on both sides.
func (s *splitter) bestEdge(nb, width int, imp, total float64) (edge int, gain float64) {
	s.left = slices.Grow(s.left[:0], width)[:width]
	s.totals = slices.Grow(s.totals[:0], width)[:width]
	left, totals := s.left, s.totals
	clear(left)
	clear(totals)
	for i := 0; i < nb; i++ {
		for k := 0; k < width; k++ {
			totals[k] += s.hist[i*width+k]
		}
	}
	edge, gain = -1, math.Inf(-1)
	for e := 0; e < nb-1; e++ {
		for k := 0; k < width; k++ {
			left[k] += s.hist[e*width+k]
		}
		var g float64
		if s.p.classes > 0 {
			wl := 0.0
			for k := 0; k < width; k++ {
				wl += left[k]
			}
			wr := total - wl
			if wl <= 0 || wr <= 0 {
				continue
			}
			il, ir := 1.0, 1.0
			for k := 0; k < width; k++ {
				pl, pr := left[k]/wl, (totals[k]-left[k])/wr
				il -= pl * pl
				ir -= pr * pr
			}
			g = imp - wl/total*il - wr/total*ir
		} else {
			wl := left[0]
			wr := totals[0] - wl
			if wl <= 0 || wr <= 0 {
				continue
			}
			ml, mr := left[1]/wl, (totals[1]-left[1])/wr
			il := math.Max(left[2]/wl-ml*ml, 0)
			ir := math.Max((totals[2]-left[2])/wr-mr*mr, 0)
			g = imp - wl/total*il - wr/total*ir
		}
		if g > gain {
			edge, gain = e, g
		}
	}
	return edge, gain
}

// leaf is the values of the leaf row i of cols reaches.
func (t *tree) leaf(cols [][]float64, i int) []float64 {
	n := t.walk(t.nodes(), cols, i)
	return t.value[n*t.width : (n+1)*t.width]
}

// node is a split packed for the walk from root to leaf: one cache line
// per level instead of one per array. A node's right child is always the
// one after its left child (growTree adds them together).
type node struct {
	threshold float64
	feature   int32
	left      int32
}

// nodes packs the tree's splits.
func (t *tree) nodes() []node {
	out := make([]node, len(t.feature))
	for i := range out {
		out[i] = node{t.threshold[i], t.feature[i], t.left[i]}
	}
	return out
}

// walk is the leaf row i of cols reaches.
func (t *tree) walk(nodes []node, cols [][]float64, i int) int {
	n := int32(0)
	for nodes[n].feature >= 0 {
		nd := nodes[n]
		if cols[nd.feature][i] <= nd.threshold {
			n = nd.left
		} else {
			n = nd.left + 1
		}
	}
	return int(n)
}

// Value is the tree as a model dictionary holds it, so saveModel can
// write it and predict read it back.
func (t *tree) Value() value.Value {
	ints := func(xs []int32) value.Value { return value.NewInts(slices.Clone(xs)) }
	return funcs.StringDict([]string{"feature", "threshold", "left", "right", "value", "width", "weight"},
		[]value.Value{ints(t.feature), value.NewDoubles(slices.Clone(t.threshold)), ints(t.left), ints(t.right),
			value.NewDoubles(slices.Clone(t.value)), value.NewInt(int32(t.width)), value.NewDouble(t.weight)})
}

// treeOf reads back a tree Value wrote, checking its links so a damaged
// model fails instead of walking out of its arrays.
func treeOf(v value.Value) (*tree, bool) {
	intsOf := func(key string) ([]int32, bool) {
		x, ok := funcs.ModelField(v, key).(*value.Vector)
		if !ok || x.T != value.Int {
			return nil, false
		}
		return x.I32, true
	}
	t := &tree{}
	var ok [4]bool
	t.feature, ok[0] = intsOf("feature")
	t.left, ok[1] = intsOf("left")
	t.right, ok[2] = intsOf("right")
	t.threshold, ok[3] = floats(funcs.ModelField(v, "threshold"))
	vals, okv := floats(funcs.ModelField(v, "value"))
	width, okw := funcs.ModelField(v, "width").(*value.Scalar)
	weight, okwt := funcs.ModelField(v, "weight").(*value.Scalar)
	if ok != [4]bool{true, true, true, true} || !okv || !okw || !okwt || width.T != value.Int || width.I < 1 || weight.T != value.Double || weight.Null {
		return nil, false
	}
	t.value, t.width, t.weight = vals, int(width.I), weight.F
	n := len(t.feature)
	if n == 0 || len(t.threshold) != n || len(t.left) != n || len(t.right) != n || len(t.value) != n*t.width {
		return nil, false
	}
	for i := 0; i < n; i++ {
		// children come after their parent, so every walk ends, and
		// side by side, as the walk expects
		if t.feature[i] >= 0 && (t.left[i] <= int32(i) || t.right[i] != t.left[i]+1 || int(t.right[i]) >= n) {
			return nil, false
		}
	}
	return t, true
}
