package sqlparse_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/porpoisedb/porpoise/sqlparse"
	"github.com/stretchr/testify/require"
)

// conformanceDir holds the project's copies of the conformance scripts.
const conformanceDir = "../conformance/testdata"

// confScript is one script of a conformance file.
type confScript struct {
	File string
	Line int // line of the record header
	Src  string
}

// loadConformanceScripts splits every *.test file into its scripts,
// following /work/shared/conformance/FORMAT.md: records are separated by
// blank lines; a `statement ...`/`query ...` header is followed by the
// script, which runs up to the blank line or `----`.
func loadConformanceScripts(t testing.TB) []confScript {
	files, err := filepath.Glob(filepath.Join(conformanceDir, "*.test"))
	if err == nil {
		more, _ := filepath.Glob(filepath.Join(conformanceDir, "*", "*.test"))
		files = append(files, more...)
	}
	require.NoError(t, err)
	var out []confScript
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
		for i := 0; i < len(lines); i++ {
			l := lines[i]
			if !strings.HasPrefix(l, "statement") && !strings.HasPrefix(l, "query") {
				continue
			}
			hdr := i + 1
			var body []string
			j := i + 1
			for ; j < len(lines); j++ {
				if strings.TrimSpace(lines[j]) == "" || lines[j] == "----" {
					break
				}
				body = append(body, lines[j])
			}
			// skip the expected output of a query
			if j < len(lines) && lines[j] == "----" {
				for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
					j++
				}
			}
			i = j
			if strings.HasPrefix(l, "statement error") && (strings.Contains(l, "Syntax Error") || strings.Contains(l, "RefId: S06")) {
				// a record that expects a parse error
				continue
			}
			out = append(out, confScript{File: filepath.Base(f), Line: hdr, Src: strings.Join(body, "\n")})
		}
	}
	return out
}

// bareCalls are the names the conformance files may call without
// parentheses: DolphinDB's function names, from the shared catalog when it
// is beside the checkout.
var bareCalls = func() map[string]bool {
	names := map[string]bool{"sum": true, "avg": true, "last": true, "first": true, "typestr": true,
		"print": true, "size": true, "count": true, "max": true, "min": true, "form": true, "run": true}
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "functions", "catalog.tsv"))
	if err != nil {
		return names
	}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if f := strings.Split(line, "\t"); len(f) > 3 {
			names[f[3]] = true
		}
	}
	return names
}()

func TestConformanceScriptsParse(t *testing.T) {
	scripts := loadConformanceScripts(t)
	if len(scripts) == 0 {
		t.Skip("no conformance scripts found in " + conformanceDir)
	}
	for _, s := range scripts {
		// the engine tells the parser which names are functions; these
		// are the ones the files call without parentheses
		_, err := ParseWith(s.Src, Options{IsFunction: func(name string) bool { return bareCalls[name] }})
		require.NoError(t, err, "%s:%d:\n%s", s.File, s.Line, s.Src)
	}
}

// TestSharedConformanceScriptsParse also covers the read-only shared copy,
// when present.
func TestSharedSeedScriptsParse(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/conformance/seed/*.test")
	if len(files) == 0 {
		t.Skip("no shared seed scripts")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, rec := range strings.Split(string(b), "\n\n") {
			lines := strings.Split(strings.TrimLeft(rec, "\n"), "\n")
			var body []string
			started := false
			for _, l := range lines {
				if !started {
					if strings.HasPrefix(l, "statement") || strings.HasPrefix(l, "query") {
						started = true
					}
					continue
				}
				if l == "----" {
					break
				}
				body = append(body, l)
			}
			if !started {
				continue
			}
			_, err := Parse(strings.Join(body, "\n"))
			require.NoError(t, err, "%s:\n%s", f, strings.Join(body, "\n"))
		}
	}
}
