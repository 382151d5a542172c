package reclog

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

type rec struct {
	N    int    `json:"n"`
	Text string `json:"t"`
}

var csvRec = CSV([]string{"n", "text"},
	func(r rec) []string { return []string{strconv.Itoa(r.N), r.Text} },
	func(f []string) (rec, bool) {
		if len(f) != 2 {
			return rec{}, false
		}
		n, err := strconv.Atoi(f[0])
		return rec{N: n, Text: f[1]}, err == nil
	})

// Both formats reload what was added, a text with commas, quotes and a
// line break included; a torn last record is dropped; past Max the
// oldest tenth goes, from the file too.
func TestLogFormats(t *testing.T) {
	for _, tt := range []struct {
		name   string
		format Format[rec]
		torn   string
	}{
		{"json lines", JSONLines[rec](), `{"n":9,"t":"to`},
		{"csv", csvRec, "9,\"to"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.log")
			var l Log[rec]
			require.NoError(t, l.Open(path, tt.format))
			want := []rec{{1, "plain"}, {2, `a,"b"` + "\nc"}}
			for _, r := range want {
				l.Add(r)
			}
			require.NoError(t, l.Close())

			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			require.NoError(t, err)
			_, err = f.WriteString(tt.torn)
			require.NoError(t, err)
			require.NoError(t, f.Close())

			again := Log[rec]{Max: 10}
			require.NoError(t, again.Open(path, tt.format))
			require.Equal(t, want, again.Recs)
			for i := 3; i <= 11; i++ {
				again.Add(rec{N: i})
			}
			require.Len(t, again.Recs, 10, "at the bound")
			again.Add(rec{N: 12})
			require.Len(t, again.Recs, 10, "the oldest tenth dropped")
			require.Equal(t, 3, again.Recs[0].N)
			require.NoError(t, again.Close())

			third := Log[rec]{Max: 10}
			require.NoError(t, third.Open(path, tt.format))
			require.Equal(t, again.Recs, third.Recs, "the file holds what memory held")
			require.Equal(t, []rec{{N: 12}}, third.Filter(func(r *rec) bool { return r.N > 11 }))
			require.NoError(t, third.Close())
		})
	}
}

// A zero Log keeps its records in memory, without bound.
func TestLogInMemory(t *testing.T) {
	var l Log[rec]
	for i := range 100 {
		l.Add(rec{N: i})
	}
	require.Len(t, l.Recs, 100)
	require.NoError(t, l.Close())
}
