package hashvectors

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Header is the first line of hash-buckets.tsv.
const Header = "type\tvalue\tbuckets\tbucket"

// Rows is how many vectors the file holds; Load fails on any other count,
// so a truncated copy cannot pass for the spec's.
const Rows = 201

// Row is one vector: hashBucket of the literal Value of type Type (a
// DolphinDB type name; "NULL" for its NULL) over Buckets buckets is Bucket.
type Row struct {
	Type, Value     string
	Buckets, Bucket int
	Line            string // the row as written, for failure messages
}

// Load reads the vectors from path, failing t on a malformed file.
func Load(t testing.TB, path string) []Row {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() || sc.Text() != Header {
		t.Fatalf("%s: the first line is not %q", path, Header)
	}
	var rows []Row
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s: %q has %d columns, not 4", path, line, len(cols))
		}
		buckets, err := strconv.Atoi(cols[2])
		if err != nil {
			t.Fatalf("%s: %q: %v", path, line, err)
		}
		bucket, err := strconv.Atoi(cols[3])
		if err != nil {
			t.Fatalf("%s: %q: %v", path, line, err)
		}
		rows = append(rows, Row{Type: cols[0], Value: cols[1], Buckets: buckets, Bucket: bucket, Line: line})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) != Rows {
		t.Fatalf("%s: %d vectors, want %d", path, len(rows), Rows)
	}
	return rows
}
