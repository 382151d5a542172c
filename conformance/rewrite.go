package conformance

import (
	"fmt"
	"os"
	"strings"
)

// RewriteFile runs a file and writes, in place, the actual output of the
// records marked new (`query new`, `call NAME new`), dropping the marker;
// other records are left as they are, so a changed golden always shows in
// the diff. It returns how many records it rewrote. A new record that
// fails is an error: a golden is never an error text.
func RewriteFile(t Target, path string) (int, error) {
	f, err := ParseFile(path)
	if err != nil {
		return 0, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	conn, skip, err := t.Open(f)
	if err != nil {
		return 0, err
	}
	if skip != "" {
		return 0, fmt.Errorf("%s: skipped: %s", path, skip)
	}
	defer conn.Close()
	type patch struct {
		header, start, end int
		text               []string
	}
	var patches []patch
	for _, rec := range f.Records {
		if !rec.New {
			// run it for the state later records build on; its own
			// failure shows in a normal run
			_, _ = execute(conn, rec)
			continue
		}
		v, err := execute(conn, rec)
		if err != nil {
			return 0, fmt.Errorf("%s:%d: the new record fails: %v", path, rec.Line, err)
		}
		got, header := Render(v)
		if rec.RowSort {
			got = sortRows(got, header)
		}
		got = trimTrailingEmpty(got)
		sep := rec.Line // 0-based index of the line after the header
		for sep < rec.End && lines[sep] != "----" {
			sep++
		}
		patches = append(patches, patch{header: rec.Line - 1, start: sep, end: rec.End, text: got})
	}
	for k := len(patches) - 1; k >= 0; k-- {
		p := patches[k]
		fields := strings.Fields(lines[p.header])
		kept := fields[:0]
		for _, w := range fields {
			if w != "new" {
				kept = append(kept, w)
			}
		}
		lines[p.header] = strings.Join(kept, " ")
		tail := append([]string{"----"}, p.text...)
		rest := append(tail, lines[min(p.end, len(lines)):]...)
		lines = append(lines[:p.start], rest...)
	}
	if len(patches) == 0 {
		return 0, nil
	}
	return len(patches), os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}
