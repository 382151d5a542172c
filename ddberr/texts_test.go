package ddberr_test

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
)

var updateBaselines = flag.Bool("update-baselines", false, "rewrite testdata/inline.txt and testdata/unchecked.txt from the current tree")

// sourceFile is one non-test Go file of the module.
type sourceFile struct {
	pkg  string // directory relative to the module root
	file *ast.File
	fset *token.FileSet
}

// moduleFiles parses every non-test Go file of the main module (not the
// benchmark module under bench/duckdb, which has its own go.mod).
func moduleFiles(t *testing.T) []sourceFile { return parseModule(t, false) }

// parseModule parses the main module's non-test Go files, or its test
// files with tests.
func parseModule(t *testing.T, tests bool) []sourceFile {
	t.Helper()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	var out []sourceFile
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") != tests {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		out = append(out, sourceFile{pkg: filepath.ToSlash(rel), file: f, fset: fset})
		return nil
	})
	require.NoError(t, err)
	return out
}

// call reports whether c calls pkg.name and returns its first argument
// when that is a string literal.
func call(c *ast.CallExpr, pkg, name string) (lit string, isCall, isLit bool) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return "", false, false
	}
	if id, ok := sel.X.(*ast.Ident); !ok || id.Name != pkg {
		return "", false, false
	}
	if len(c.Args) == 0 {
		return "", true, false
	}
	bl, ok := c.Args[0].(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", true, false
	}
	s, err := strconv.Unquote(bl.Value)
	if err != nil {
		return "", true, false
	}
	return s, true, true
}

// concatenated reports whether c calls pkg.name with a text built by
// concatenation that starts with a DolphinDB text ("X of " + fn + ...).
func concatenated(c *ast.CallExpr, pkg, name string) bool {
	if _, isCall, _ := call(c, pkg, name); !isCall || len(c.Args) == 0 {
		return false
	}
	e := c.Args[0]
	for {
		be, ok := e.(*ast.BinaryExpr)
		if !ok || be.Op != token.ADD {
			break
		}
		e = be.X
	}
	if e == c.Args[0] {
		return false
	}
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(bl.Value)
	return err == nil && dolphinText(s)
}

// dolphinText tells a DolphinDB text (capitalised, as DolphinDB writes
// them, or a <Tag> prefix) from a Go-style internal error ("storage:
// corrupt chunk meta").
func dolphinText(s string) bool {
	if s == "" {
		return false
	}
	r := []rune(s)[0]
	return unicode.IsUpper(r) || r == '<'
}

// The table holds every text passed to ddberr.Errorf, each entry is used
// and has a source, and no package writes more DolphinDB texts inline
// (errors.New/fmt.Errorf with a capitalised literal, or a concatenation
// starting with one) than it did when
// testdata/inline.txt was last written: moving texts into the table only
// goes one way.
func TestTextTable(t *testing.T) {
	used := map[string]bool{}
	inline := map[string]int{}
	var problems []string
	for _, sf := range moduleFiles(t) {
		ast.Inspect(sf.file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			pos := sf.fset.Position(c.Pos())
			if lit, isCall, isLit := call(c, "ddberr", "Errorf"); isCall {
				if !isLit {
					problems = append(problems, fmt.Sprintf("%s:%d: ddberr.Errorf needs a literal format from the table", pos.Filename, pos.Line))
				} else if _, ok := ddberr.Lookup(lit); !ok {
					problems = append(problems, fmt.Sprintf("%s:%d: %q is not in the table (ddberr/texts.go)", pos.Filename, pos.Line, lit))
				}
				used[lit] = true
				return true
			}
			for _, f := range [][2]string{{"errors", "New"}, {"fmt", "Errorf"}} {
				if lit, _, isLit := call(c, f[0], f[1]); isLit && dolphinText(lit) || concatenated(c, f[0], f[1]) {
					inline[sf.pkg]++
				}
			}
			return true
		})
	}
	for _, tx := range ddberr.Texts() {
		if !used[tx.Format] {
			problems = append(problems, fmt.Sprintf("table entry %q is never used", tx.Format))
		}
		if tx.Source == "" {
			problems = append(problems, fmt.Sprintf("table entry %q has no source", tx.Format))
		}
	}
	require.Empty(t, problems, strings.Join(problems, "\n"))

	// Packages are listed by name once they are migrated (their count may
	// not grow); the rest share one total, so moving code between
	// packages doesn't trip the check.
	const baseline = "testdata/inline.txt"
	total := 0
	for _, n := range inline {
		total += n
	}
	if *updateBaselines {
		var b strings.Builder
		b.WriteString("# DolphinDB texts still written inline (errors.New/fmt.Errorf with a capitalised literal or a concatenation starting with one)\n")
		b.WriteString("# total: all packages; a named package: that package alone (0 = migrated to the table)\n")
		b.WriteString("# rewrite with: go test ./ddberr -update-baselines\n")
		fmt.Fprintf(&b, "total\t%d\n", total)
		for _, p := range []string{"insert", "storage", "dfs", "mtw", "partition", "wire", "client", "auth", "access", "dbadmin", "dbfuncs", "engine", "jobs", "join", "memlimit", "operator", "server", "sysfuncs", "funcs", "funcs/convert", "funcs/dataproc", "funcs/filesys", "funcs/higherorder", "funcs/lookup", "funcs/mathfn", "funcs/stats", "funcs/strfn", "funcs/system", "funcs/temporal", "funcs/textio", "funcs/window", "query", "value/cast", "value/kernel"} {
			fmt.Fprintf(&b, "%s\t%d\n", p, inline[p])
		}
		require.NoError(t, os.WriteFile(baseline, []byte(b.String()), 0o644))
		return
	}
	data, err := os.ReadFile(baseline)
	require.NoError(t, err)
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 2, line)
		n, err := strconv.Atoi(f[1])
		require.NoError(t, err, line)
		if f[0] == "total" {
			require.LessOrEqualf(t, total, n,
				"%d DolphinDB error texts are written inline, %d allowed: put new texts in ddberr/texts.go and call ddberr.Errorf", total, n)
			continue
		}
		require.LessOrEqualf(t, inline[f[0]], n,
			"package %s writes %d DolphinDB error texts inline, %d allowed: put new texts in ddberr/texts.go and call ddberr.Errorf", f[0], inline[f[0]], n)
	}
	t.Logf("%d texts in the table, %d still inline", len(ddberr.Texts()), total)
}

// verb matches a fmt verb of a table format.
var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// checkedByGoTests lists the table formats a Go test builds with
// ddberr.Errorf to compare an error against: texts a script can't reach
// (a corrupt file, a broken request, a caller without an engine) are
// checked that way in the package that gives them.
func checkedByGoTests(t *testing.T) map[string]bool {
	out := map[string]bool{}
	for _, sf := range parseModule(t, true) {
		if sf.pkg == "ddberr" {
			continue
		}
		ast.Inspect(sf.file, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if lit, _, isLit := call(c, "ddberr", "Errorf"); isLit {
					out[lit] = true
				}
			}
			return true
		})
	}
	return out
}

// The records and tests that check table entries: every entry is
// expected in some `statement error` record (or, for texts about
// malformed API requests, `request error`), or, when no script reaches
// it, in a Go test of its package that builds it with ddberr.Errorf; the
// ones not yet checked are listed in testdata/unchecked.txt, which may
// only shrink.
func TestTextsCheckedByRecords(t *testing.T) {
	var expected []string
	err := filepath.WalkDir("../conformance/testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".test") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			for _, kind := range []string{"statement error ", "request error "} {
				if rest, ok := strings.CutPrefix(line, kind); ok {
					expected = append(expected, rest)
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	byGoTests := checkedByGoTests(t)
	var unchecked []string
	for _, tx := range ddberr.Texts() {
		found := byGoTests[tx.Format]
		for _, e := range expected {
			if checks(tx.Format, e) {
				found = true
				break
			}
		}
		if !found {
			unchecked = append(unchecked, tx.Format)
		}
	}
	if *updateBaselines {
		out := "# table entries no conformance record or Go test checks yet; rewrite with go test ./ddberr -update-baselines\n"
		for _, u := range unchecked {
			out += u + "\n"
		}
		require.NoError(t, os.WriteFile("testdata/unchecked.txt", []byte(out), 0o644))
		return
	}
	data, err := os.ReadFile("testdata/unchecked.txt")
	require.NoError(t, err)
	allowed := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			allowed[line] = true
		}
	}
	var missing []string
	for _, u := range unchecked {
		if !allowed[u] {
			missing = append(missing, u)
		}
	}
	require.Empty(t, missing, "table entries without a conformance record (add a `statement error` record from the entry's source page):\n%s", strings.Join(missing, "\n"))
	t.Logf("%d of %d table entries checked by a conformance record", len(ddberr.Texts())-len(unchecked), len(ddberr.Texts()))
}

// checks reports whether a record expecting an error containing e checks
// the table format f: e holds a whole instance of f, or f's longest fixed
// piece, or e is a long enough fixed part of f.
func checks(f, e string) bool {
	parts := verb.Split(f, -1)
	longest := ""
	for i, p := range parts {
		if len(p) > len(longest) {
			longest = p
		}
		parts[i] = regexp.QuoteMeta(p)
	}
	if regexp.MustCompile(strings.Join(parts, ".*")).MatchString(e) {
		return true
	}
	if len(longest) >= 12 && strings.Contains(e, longest) {
		return true
	}
	return len(e) >= 20 && strings.Contains(f, e)
}
