package textio

import "bytes"

// scanner splits a text file's bytes into records and their fields. A
// field that starts with a double quote (or the array marker's left
// character) runs to the matching closing character and may hold the
// delimiter and line breaks; "" inside a quoted field is one quote.
type scanner struct {
	data  []byte
	pos   int
	delim []byte
	// openQ and closeQ bound a quoted field besides '"': the array
	// marker when it is not the double quote (arrayMarker="[]").
	openQ, closeQ byte
	fields        [][]byte
}

func newScanner(data []byte, delim string, marker [2]byte) *scanner {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 BOM is not data
	s := &scanner{data: data, delim: []byte(delim), openQ: '"', closeQ: '"'}
	if marker[0] != 0 && marker[0] != '"' {
		s.openQ, s.closeQ = marker[0], marker[1]
	}
	return s
}

// next reads the next non-blank record into s.fields (valid until the
// following call); false at the end of the data.
func (s *scanner) next() bool {
	for s.pos < len(s.data) {
		s.fields = s.fields[:0]
		if s.readRecord() {
			return true
		}
	}
	return false
}

// skip passes over n records, blank or not, as skipRows counts lines.
func (s *scanner) skip(n int) {
	for ; n > 0 && s.pos < len(s.data); n-- {
		s.fields = s.fields[:0]
		s.readRecord()
	}
}

// readRecord reads one line's fields; false for a blank line.
func (s *scanner) readRecord() bool {
	d := s.data
	single := len(s.delim) == 1
	var dc byte
	if single {
		dc = s.delim[0]
	}
	start := s.pos
	if start < len(d) && (d[start] == '\n' || d[start] == '\r') {
		s.pos = skipEOL(d, start)
		return false
	}
	for {
		i := s.pos
		if i < len(d) && (d[i] == '"' || d[i] == s.openQ) {
			f, end := s.quoted(i)
			s.fields = append(s.fields, f)
			// text after the closing quote up to the delimiter is dropped
			i = end
			for i < len(d) && d[i] != '\n' && d[i] != '\r' && !s.delimAt(i, single, dc) {
				i++
			}
			s.pos = i
		} else {
			j := i
			if single {
				for j < len(d) && d[j] != dc && d[j] != '\n' && d[j] != '\r' {
					j++
				}
			} else {
				for j < len(d) && d[j] != '\n' && d[j] != '\r' && !s.delimAt(j, false, 0) {
					j++
				}
			}
			s.fields = append(s.fields, d[i:j])
			s.pos = j
		}
		if s.pos >= len(d) {
			return true
		}
		if d[s.pos] == '\n' || d[s.pos] == '\r' {
			s.pos = skipEOL(d, s.pos)
			return true
		}
		s.pos += len(s.delim)
		if s.pos >= len(d) {
			s.fields = append(s.fields, nil)
			return true
		}
	}
}

func (s *scanner) delimAt(i int, single bool, dc byte) bool {
	if single {
		return s.data[i] == dc
	}
	return bytes.HasPrefix(s.data[i:], s.delim)
}

// quoted reads the quoted field starting at i and returns its content and
// the position after the closing character. Only a doubled quote needs a
// copy; the common field is a slice of the data.
func (s *scanner) quoted(i int) ([]byte, int) {
	d := s.data
	open := d[i]
	closer := byte('"')
	if open == s.openQ && open != '"' {
		closer = s.closeQ
	}
	j := i + 1
	var buf []byte
	from := j
	for j < len(d) {
		if d[j] != closer {
			j++
			continue
		}
		if closer == '"' && j+1 < len(d) && d[j+1] == '"' {
			buf = append(buf, d[from:j+1]...)
			j += 2
			from = j
			continue
		}
		break
	}
	end := j
	if end > len(d) {
		end = len(d)
	}
	next := end + 1
	if next > len(d) {
		next = len(d)
	}
	if buf != nil {
		return append(buf, d[from:end]...), next
	}
	return d[from:end], next
}

func skipEOL(d []byte, i int) int {
	if d[i] == '\r' {
		i++
	}
	if i < len(d) && d[i] == '\n' {
		i++
	}
	return i
}
