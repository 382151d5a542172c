package npy

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// An .npy file (numpy.lib.format) is the magic "\x93NUMPY", a major and
// a minor version byte, the header's length (2 bytes little endian in
// version 1, 4 in versions 2 and 3), the header, a Python dict literal
// padded with spaces and a newline, and the elements' raw bytes.
const magic = "\x93NUMPY"

// header is what an .npy header says about the array that follows.
type header struct {
	descr   string // the dtype: byte order, kind and size, such as "<f8"
	fortran bool   // elements in column-major order
	shape   []int
}

var (
	descrRe   = regexp.MustCompile(`'descr'\s*:\s*'([^']*)'`)
	fortranRe = regexp.MustCompile(`'fortran_order'\s*:\s*(True|False)`)
	shapeRe   = regexp.MustCompile(`'shape'\s*:\s*\(([^)]*)\)`)
)

// parseHeader reads the header at the start of b and returns it and the
// offset of the data.
func parseHeader(b []byte) (header, int, error) {
	var h header
	if len(b) < 10 || string(b[:6]) != magic {
		return h, 0, fmt.Errorf("no NumPy magic")
	}
	var hlen, at int
	switch b[6] {
	case 1:
		hlen, at = int(binary.LittleEndian.Uint16(b[8:])), 10
	case 2, 3:
		if len(b) < 12 {
			return h, 0, fmt.Errorf("short header")
		}
		hlen, at = int(binary.LittleEndian.Uint32(b[8:])), 12
	default:
		return h, 0, fmt.Errorf("version %d", b[6])
	}
	if at+hlen > len(b) {
		return h, 0, fmt.Errorf("short header")
	}
	text := b[at : at+hlen]
	d, f, s := descrRe.FindSubmatch(text), fortranRe.FindSubmatch(text), shapeRe.FindSubmatch(text)
	if f == nil || s == nil {
		return h, 0, fmt.Errorf("bad header %q", text)
	}
	if d == nil {
		// a structured dtype's descr is a list, not a string
		h.descr = "structured"
	} else {
		h.descr = string(d[1])
	}
	h.fortran = string(f[1]) == "True"
	for _, dim := range strings.Split(string(s[1]), ",") {
		dim = strings.TrimSpace(dim)
		if dim == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(dim, "L"))
		if err != nil || n < 0 {
			return h, 0, fmt.Errorf("bad shape %q", s[1])
		}
		h.shape = append(h.shape, n)
	}
	return h, at + hlen, nil
}

// appendHeader appends a version 1.0 header (2.0 if it does not fit)
// padded so the data starts on a multiple of 64 bytes, as numpy writes.
func appendHeader(b []byte, h header) []byte {
	var dict bytes.Buffer
	fmt.Fprintf(&dict, "{'descr': '%s', 'fortran_order': %s, 'shape': (", h.descr, map[bool]string{true: "True", false: "False"}[h.fortran])
	for i, n := range h.shape {
		if i > 0 {
			dict.WriteString(", ")
		}
		dict.WriteString(strconv.Itoa(n))
	}
	if len(h.shape) == 1 {
		dict.WriteByte(',')
	}
	dict.WriteString("), }")
	prefix := 10
	if dict.Len()+prefix+1 > 1<<16-1 {
		prefix = 12
	}
	pad := 63 - (prefix+dict.Len())%64 // then the newline ends a 64-byte block
	for range pad {
		dict.WriteByte(' ')
	}
	dict.WriteByte('\n')
	b = append(b, magic...)
	if prefix == 10 {
		b = append(b, 1, 0)
		b = binary.LittleEndian.AppendUint16(b, uint16(dict.Len()))
	} else {
		b = append(b, 2, 0)
		b = binary.LittleEndian.AppendUint32(b, uint32(dict.Len()))
	}
	return append(b, dict.Bytes()...)
}
