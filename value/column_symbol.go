package value

// symbolColumn is the column of a coded SYMBOL vector (Syms set, codes in
// I32). Operations that derive a new vector give it the source's base and
// copy codes; those that move elements into an existing vector also take
// a plain (string) vector on either side, interning strings into a coded
// destination or writing the texts of codes into a plain one.
type symbolColumn struct{}

var codeSlot = fixedSlot[int32]{slot[int32]{func(v *Vector) *[]int32 { return &v.I32 }, 1}}

// textsAt returns the strings of src at idx.
func textsAt(src *Vector, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = src.StrAt(i)
	}
	return out
}

func (symbolColumn) appendAll(dst, src *Vector) {
	switch {
	case dst.Syms == nil:
		dst.Str = append(dst.Str, src.Strings()...)
	case dst.adoptsBase(src):
		dst.Syms = src.Syms
		dst.I32 = append(dst.I32, src.I32...)
	case src.Syms != nil:
		dst.I32 = dst.Syms.recode(dst.I32, src.I32, src.Syms, true)
	default:
		dst.I32 = dst.Syms.InternAll(dst.I32, src.Str)
	}
}

// adoptsBase reports whether appending src to v gives v src's base: an
// empty coded column takes the rows' base instead of interning every text
// again (a million distinct symbols cost a second), as bases only grow,
// so the codes stay valid for each holder whatever the other interns
// later. A stored base is left to its store.
func (v *Vector) adoptsBase(src *Vector) bool {
	return v.Syms != nil && src.Syms != nil && len(v.I32) == 0 && !src.Syms.stored
}

// keyBase is the base v is coded in once src is appended to it, nil
// when v is not coded.
func (v *Vector) keyBase(src *Vector) *SymbolBase {
	if v.adoptsBase(src) {
		return src.Syms
	}
	return v.Syms
}

func (symbolColumn) truncate(v *Vector, n int) { codeSlot.truncate(v, n) }

func (symbolColumn) slice(dst, src *Vector, lo, hi int) {
	dst.Syms = src.Syms
	codeSlot.slice(dst, src, lo, hi)
}

func (symbolColumn) gatherAt(dst *Vector, at int, src *Vector, idx []int) {
	switch {
	case dst.Syms == src.Syms:
		codeSlot.gatherAt(dst, at, src, idx)
	case dst.Syms == nil:
		copy(dst.Str[at:], textsAt(src, idx))
	default:
		codes := dst.Syms.InternAll(make([]int32, 0, len(idx)), textsAt(src, idx))
		copy(dst.I32[at:], codes)
	}
}

// scatter, cycle and reorder are only called with a destination derived
// from src (Scatter, Cycle, Reorder), so it shares src's base.
func (symbolColumn) scatter(dst, src *Vector, pos []int32) { codeSlot.scatter(dst, src, pos) }

func (symbolColumn) cycle(dst, src *Vector, n int) {
	dst.Syms = src.Syms
	codeSlot.cycle(dst, src, n)
}

func (symbolColumn) reorder(dst, scratch, src *Vector, perm, inv []int32) {
	dst.Syms = src.Syms
	codeSlot.reorder(dst, scratch, src, perm, inv)
}

func (symbolColumn) repeatLast(v *Vector, n int) { codeSlot.repeatLast(v, n) }

func (symbolColumn) alloc(v *Vector, n, capacity int) { codeSlot.alloc(v, n, capacity) }
func (symbolColumn) grow(v *Vector, n int)            { codeSlot.grow(v, n) }
