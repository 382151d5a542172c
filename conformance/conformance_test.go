package conformance

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var rewrite = flag.Bool("rewrite", false, "write the actual output of records marked new (query new, call NAME new) into their files")

// TestSuiteInProcess runs every file of testdata in a fresh embedded
// engine, one subtest per file, failing on any failed record. With
// -rewrite it first records the output of the records marked new.
func TestSuiteInProcess(t *testing.T) {
	for _, path := range suiteFiles(t) {
		t.Run(path, func(t *testing.T) {
			if *rewrite {
				n, err := RewriteFile(InProcess{}, path)
				require.NoError(t, err)
				if n > 0 {
					t.Logf("%s: rewrote %d new records", path, n)
				}
			}
			f, err := ParseFile(path)
			require.NoError(t, err)
			res, err := RunFile(InProcess{}, f)
			require.NoError(t, err)
			for _, fl := range res.Failures {
				t.Error(fl.String())
			}
			require.Zero(t, res.Skipped, "in-process runs skip nothing")
			require.Equal(t, len(f.Records), res.Passed)
		})
	}
}

// suiteFiles lists the suite's .test files under testdata.
func suiteFiles(t *testing.T) []string {
	files, err := Collect([]string{"testdata"})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

func TestParseRejectsBadFiles(t *testing.T) {
	for name, text := range map[string]string{
		"unknown record":        "frobnicate\nx\n",
		"config after records":  "statement ok\nx=1\n\nconfig newValuePartitionPolicy add\n",
		"query without divider": "query\n1+1\n",
		"empty script":          "statement ok\n\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(text)
			require.Error(t, err)
		})
	}
}

func TestRunnerReportsFailures(t *testing.T) {
	f, err := Parse("query\n1+1\n----\n3\n\nstatement error nope\n1+1\n\nstatement ok\nx = 1\n")
	require.NoError(t, err)
	f.Path = "inline.test"
	res, err := RunFile(InProcess{}, f)
	require.NoError(t, err)
	require.Equal(t, 1, res.Passed)
	require.Equal(t, 2, res.Failed)
	require.Contains(t, res.Failures[0].String(), "inline.test:1")
}

func TestCallRecords(t *testing.T) {
	f, err := Parse("statement ok\nx = 1 2 3\n\ncall add\nx\n10\n----\n[11,12,13]\n\ncall nosuchfunc error Can't recognize function name nosuchfunc\n1\n\ncall version\n----\n" + "x\n")
	require.NoError(t, err)
	require.Equal(t, Call, f.Records[1].Kind)
	require.Equal(t, []string{"x", "10"}, f.Records[1].Args)
	require.True(t, f.Records[2].CallError)
	res, err := RunFile(InProcess{}, f)
	require.NoError(t, err)
	require.Equal(t, 3, res.Passed, "%v", res.Failures)
	require.Equal(t, 1, res.Failed, "the version golden is wrong on purpose")
}

func TestRewriteNewRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.test")
	text := "query\n1+1\n----\n3\n\nquery new\n2+2\n----\n\ncall add new\n1\n2\n----\nstale\n\nquery rowsort new\ntable(2 1 as a)\n----\n"
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	f, err := ParseFile(path)
	require.NoError(t, err)
	res, err := RunFile(InProcess{}, f)
	require.NoError(t, err)
	require.Equal(t, 4, res.Failed, "new records fail until rewritten; the old golden stays wrong")
	n, err := RewriteFile(InProcess{}, path)
	require.NoError(t, err)
	require.Equal(t, 3, n)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "query\n1+1\n----\n3\n\nquery\n2+2\n----\n4\n\ncall add\n1\n2\n----\n3\n\nquery rowsort\ntable(2 1 as a)\n----\na\n1\n2\n", string(got))
	f, err = ParseFile(path)
	require.NoError(t, err)
	res, err = RunFile(InProcess{}, f)
	require.NoError(t, err)
	require.Equal(t, 3, res.Passed)
	require.Equal(t, 1, res.Failed, "a changed golden is never rewritten")
}

func TestRequestRecords(t *testing.T) {
	f, err := Parse("request error Invalid request body length\nAPI 0 x\nscript\n\nrequest error Invalid variable name \"1a\".\nAPI 0 $LEN\nvariable\n1a\n1\n1\\n\n$ARGS\n\\x04\\x00\n\\x01\\x00\\x00\\x00\n\nrequest ok\nAPI 0 $LEN\nscript\n1+1\n")
	require.NoError(t, err)
	require.Len(t, f.Records, 3)
	require.Equal(t, Request, f.Records[0].Kind)
	require.Equal(t, "API 0 x\nscript", string(f.Records[0].Raw))
	require.Equal(t, "API 0 16\nvariable\n1a\n1\n1\n\x04\x00\x01\x00\x00\x00", string(f.Records[1].Raw))
	require.Equal(t, "API 0 10\nscript\n1+1", string(f.Records[2].Raw))
	res, err := RunFile(InProcess{}, f)
	require.NoError(t, err)
	require.Equal(t, 3, res.Passed, "%v", res.Failures)

	_, err = Parse("request error x\nAPI 0 1\n\\q\n")
	require.ErrorContains(t, err, "unknown escape")
	_, err = Parse("request maybe\nAPI 0 1\n")
	require.Error(t, err)
}
