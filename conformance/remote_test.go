package conformance

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/server"
)

// TestSuiteRemote runs every file of testdata over the wire against an
// in-process server configured like the file, and requires exactly the
// in-process result: the whole suite passes over the wire.
func TestSuiteRemote(t *testing.T) {
	for _, path := range suiteFiles(t) {
		t.Run(path, func(t *testing.T) {
			f, err := ParseFile(path)
			require.NoError(t, err)
			local, err := RunFile(InProcess{}, f)
			require.NoError(t, err)
			// a record that fails in process (a timing flake under load)
			// would otherwise show only as a count mismatch below
			for _, fl := range local.Failures {
				t.Error("in process: " + fl.String())
			}

			var opts []server.TestOption
			for _, kv := range f.Config {
				if kv[0] == persistenceDir {
					opts = append(opts, server.WithPersistence())
					continue
				}
				if kv[0] == localSite {
					continue // the test server listens anyway
				}
				opts = append(opts, server.WithConfig(kv[0], kv[1]))
			}
			ts := server.RunT(t, opts...)
			res, err := RunFile(Remote{Addr: ts.Addr, User: "admin", Password: "123456"}, f)
			require.NoError(t, err)
			for _, fl := range res.Failures {
				t.Error(fl.String())
			}
			require.Zero(t, res.Skipped, "a server configured like the file skips nothing")
			require.Zero(t, res.Failed)
			require.Equal(t, local.Passed, res.Passed)
		})
	}
}

func TestRemoteSkipsOnConfigMismatch(t *testing.T) {
	ts := server.RunT(t)
	f, err := Parse("config newValuePartitionPolicy add\n\nquery\n1+1\n----\n2\n")
	require.NoError(t, err)
	res, err := RunFile(Remote{Addr: ts.Addr, User: "admin", Password: "123456"}, f)
	require.NoError(t, err)
	require.Equal(t, 1, res.Skipped)
	require.Zero(t, res.Passed)
}

func TestRemoteDropsDatabases(t *testing.T) {
	ts := server.RunT(t)
	s := ts.Engine.NewSession()
	_, err := s.Run(`db = database("dfs://remote_drop", VALUE, 1 2 3)`)
	require.NoError(t, err)
	f, err := Parse("query\nexistsDatabase(\"dfs://remote_drop\")\n----\nfalse\n")
	require.NoError(t, err)
	require.Equal(t, []string{"dfs://remote_drop"}, dfsPaths(f))
	res, err := RunFile(Remote{Addr: ts.Addr, User: "admin", Password: "123456"}, f)
	require.NoError(t, err)
	for _, fl := range res.Failures {
		t.Error(fl.String())
	}
	require.Equal(t, 1, res.Passed)
}
