package conformance

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSuiteInProcess runs every file of testdata in a fresh embedded
// engine, one subtest per file, failing on any failed record.
func TestSuiteInProcess(t *testing.T) {
	files, err := Collect([]string{"testdata"})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		t.Run(path, func(t *testing.T) {
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
