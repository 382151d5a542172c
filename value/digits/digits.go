package digits

import "strconv"

// pairs holds "00".."99", so two digits are one copy.
const pairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// Append2 appends v (0..99) as two digits.
func Append2(b []byte, v int64) []byte { return append(b, pairs[2*v], pairs[2*v+1]) }

// AppendPadded appends v in decimal, zero-padded to width characters the
// way fmt's %0<width>d does (a minus sign counts toward the width:
// -5 at width 4 is "-005"), which the temporal forms were printed with.
func AppendPadded(b []byte, v int64, width int) []byte {
	if uint64(v) < 100 && width == 2 {
		return append(b, pairs[2*v], pairs[2*v+1])
	}
	return appendPaddedSlow(b, v, width)
}

func appendPaddedSlow(b []byte, v int64, width int) []byte {
	var tmp [20]byte
	u := uint64(v)
	if v < 0 {
		b = append(b, '-')
		width--
		u = -u
	}
	d := strconv.AppendUint(tmp[:0], u, 10)
	for n := len(d); n < width; n++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

// AppendDate appends y.MM.dd with a year of at least four digits.
func AppendDate(b []byte, y, m, d int) []byte {
	if y >= 1000 && y <= 9999 {
		b = Append2(b, int64(y/100))
		b = Append2(b, int64(y%100))
	} else {
		b = AppendPadded(b, int64(y), 4)
	}
	b = append(b, '.')
	b = AppendPadded(b, int64(m), 2)
	b = append(b, '.')
	return AppendPadded(b, int64(d), 2)
}

// AppendClock appends HH:mm:ss for sec seconds after midnight (hours
// past 99 take more digits).
func AppendClock(b []byte, sec int64) []byte {
	b = AppendPadded(b, sec/3600, 2)
	b = append(b, ':')
	b = AppendPadded(b, sec/60%60, 2)
	b = append(b, ':')
	return AppendPadded(b, sec%60, 2)
}

// AppendDecimal appends the unscaled decimal x with scale fractional
// digits (x 5, scale 3 is "0.005").
func AppendDecimal(b []byte, x int64, scale int32) []byte {
	u := uint64(x)
	if x < 0 {
		b = append(b, '-')
		u = -u
	}
	var tmp [20]byte
	d := strconv.AppendUint(tmp[:0], u, 10)
	if scale <= 0 {
		return append(b, d...)
	}
	s := int(scale)
	if len(d) <= s {
		b = append(b, '0', '.')
		for n := len(d); n < s; n++ {
			b = append(b, '0')
		}
		return append(b, d...)
	}
	b = append(b, d[:len(d)-s]...)
	b = append(b, '.')
	return append(b, d[len(d)-s:]...)
}
