package reclog

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
)

// JSONLines is a file of one JSON object a line.
func JSONLines[T any]() Format[T] {
	return Format[T]{
		Writer: func(w io.Writer) func(T) error {
			enc := json.NewEncoder(w)
			return func(r T) error { return enc.Encode(r) }
		},
		Read: func(r io.Reader) ([]T, error) {
			sc := bufio.NewScanner(r)
			sc.Buffer(nil, 1<<24)
			var out []T
			for sc.Scan() {
				var x T
				if json.Unmarshal(sc.Bytes(), &x) == nil { // a torn last line is dropped
					out = append(out, x)
				}
			}
			return out, sc.Err()
		},
	}
}

// CSV is a CSV file with a header line: row gives a record's fields,
// parse reads them back (false for a row it can't read, which is
// dropped).
func CSV[T any](header []string, row func(T) []string, parse func([]string) (T, bool)) Format[T] {
	return Format[T]{
		Header: func(w io.Writer) error {
			cw := csv.NewWriter(w)
			_ = cw.Write(header)
			cw.Flush()
			return cw.Error()
		},
		Writer: func(w io.Writer) func(T) error {
			cw := csv.NewWriter(w)
			return func(r T) error {
				_ = cw.Write(row(r))
				cw.Flush()
				return cw.Error()
			}
		},
		Read: func(r io.Reader) ([]T, error) {
			cr := csv.NewReader(r)
			cr.FieldsPerRecord = -1
			var out []T
			for first := true; ; first = false {
				fields, err := cr.Read()
				if err != nil {
					return out, nil // end of file, or a torn last line
				}
				if rec, ok := parse(fields); ok && !first {
					out = append(out, rec)
				}
			}
		},
	}
}
