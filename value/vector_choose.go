package value

// Choose returns a new vector with a's type whose element i is a's where
// pick[i] and b's elsewhere; a, b and pick have one length. Where a and b
// share type, scale and symbol base it is one typed pass per storage;
// otherwise (array vectors, symbol vectors over different bases) the
// elements are gathered from both laid end to end.
func Choose(pick []bool, a, b *Vector) *Vector {
	if a.T.IsArray() || a.T != b.T || a.Scale != b.Scale || a.Syms != b.Syms {
		n := len(pick)
		both := a.Clone()
		both.AppendVector(b)
		idx := make([]int, n)
		for i, p := range pick {
			idx[i] = i
			if !p {
				idx[i] = n + i
			}
		}
		return both.Gather(idx)
	}
	out := a.like(len(pick), len(pick))
	a.col().choose(out, a, b, pick)
	return out
}

func (s slot[T]) choose(dst, a, b *Vector, pick []bool) {
	d, x, y := *s.field(dst), *s.field(a), *s.field(b)
	if s.per == 1 {
		x, y = x[:len(pick)], y[:len(pick)]
		for i, p := range pick {
			if p {
				d[i] = x[i]
			} else {
				d[i] = y[i]
			}
		}
		return
	}
	for i, p := range pick {
		src := y
		if p {
			src = x
		}
		copy(d[s.per*i:s.per*(i+1)], src[s.per*i:s.per*(i+1)])
	}
}

func (symbolColumn) choose(dst, a, b *Vector, pick []bool) { codeSlot.choose(dst, a, b, pick) }
