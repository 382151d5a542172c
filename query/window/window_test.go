package window

import (
	"reflect"
	"testing"
)

func TestRowsFramesClipToPartitions(t *testing.T) {
	p := Partitions{Starts: []int{0, 3, 5}}
	f := Rows(p, 5, Bound{Offset: -1}, Bound{Offset: 2})
	if want := []int{0, 0, 1, 3, 3}; !reflect.DeepEqual(f.Lo, want) {
		t.Errorf("Lo = %v, want %v", f.Lo, want)
	}
	if want := []int{3, 3, 3, 5, 5}; !reflect.DeepEqual(f.Hi, want) {
		t.Errorf("Hi = %v, want %v", f.Hi, want)
	}
	// a frame wholly after the row (1 following to 2 following) is empty
	// at the partition's end
	f = Rows(p, 5, Bound{Offset: 1}, Bound{Offset: 2})
	if f.Lo[2] < f.Hi[2] || f.Lo[4] < f.Hi[4] {
		t.Errorf("frames past the partition's end not empty: %v", f)
	}
}

func TestRangeFramesKeepNullPeersApart(t *testing.T) {
	p := Partitions{Starts: []int{0, 5}}
	keys := []int64{0, 1, 2, 2, 5}
	null := []bool{true, false, false, false, false}
	lo := RangeBound{Val: []int64{0, 0, 1, 1, 4}} // 1 preceding
	f := Range(p, keys, null, lo, RangeBound{})
	if want := []int{0, 1, 1, 1, 4}; !reflect.DeepEqual(f.Lo, want) {
		t.Errorf("Lo = %v, want %v", f.Lo, want)
	}
	if want := []int{1, 2, 4, 4, 5}; !reflect.DeepEqual(f.Hi, want) {
		t.Errorf("Hi = %v, want %v", f.Hi, want)
	}
}

func TestRanksAndTiles(t *testing.T) {
	p := Partitions{Starts: []int{0, 5}}
	keys := []int{1, 2, 2, 3, 3}
	peers := Peers(p, 5, func(i int) bool { return keys[i] == keys[i-1] })
	if got, want := Rank(p, peers, false), []int32{1, 2, 2, 4, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("rank = %v, want %v", got, want)
	}
	if got, want := Rank(p, peers, true), []int32{1, 2, 2, 3, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("dense_rank = %v, want %v", got, want)
	}
	if got, want := CumeDist(p, peers), []float64{0.2, 0.6, 0.6, 1, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("cume_dist = %v, want %v", got, want)
	}
	if got, want := Ntile(p, 5, 3), []int32{1, 1, 2, 2, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("ntile(3) = %v, want %v", got, want)
	}
	if got, want := Ntile(p, 5, 7), []int32{1, 2, 3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("ntile(7) = %v, want %v", got, want)
	}
}

func TestSumsOverFrames(t *testing.T) {
	f := Frames{Lo: []int{0, 0, 2}, Hi: []int{1, 3, 2}}
	s, c := IntSums([]int64{5, 0, 7}, []bool{false, true, false}, f)
	if !reflect.DeepEqual(s, []int64{5, 12, 0}) || !reflect.DeepEqual(c, []int64{1, 2, 0}) {
		t.Errorf("IntSums = %v %v", s, c)
	}
}
