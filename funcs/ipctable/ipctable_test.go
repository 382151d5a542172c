package ipctable_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// runSessions runs each job in a session of its own at the same time
// and returns their errors.
func runSessions(e *engine.Engine, jobs ...func(s *engine.Session) error) []error {
	errs := make([]error, len(jobs))
	testkit.Go(e, len(jobs), func(i int, s *engine.Session) { errs[i] = jobs[i](s) })()
	return errs
}

// script is a job running a script.
func script(sc string) func(s *engine.Session) error {
	return func(s *engine.Session) error {
		_, err := s.Run(sc)
		return err
	}
}

// Sessions read an IPC table through handles of their own (SQL, size,
// t[0], a column, the table loadIPCInMemoryTable returns) while others
// append through theirs (tableInsert, append!, a subscription-style
// partial application, a function-call request naming the variable).
// Every statement naming a handle holds the table's lock, as for a
// shared table: under -race nothing is reported, reads never see columns
// of different lengths, and no row is lost.
func TestIPCTableHandlesUnderConcurrentSessions(t *testing.T) {
	const n = 200
	e := testkit.InMemory(t)
	testkit.Run(t, e.NewSession(), "createIPCInMemoryTable(1000000, `ipc1, `id`v, [INT, DOUBLE])")
	load := `h = loadIPCInMemoryTable("ipc1"); `
	errs := runSessions(e,
		script(load+fmt.Sprintf("for (k in 1..%d) { tableInsert(h, k, 1.0) }", n)),
		script(load+fmt.Sprintf("for (k in 1..%d) { h.append!(table(k as id, 2.0 as v)) }", n)),
		script(load+fmt.Sprintf("def addRow(mutable t, k) { t.append!(table(k as id, 3.0 as v)) }\nf = addRow{h}\nfor (k in 1..%d) { f(k) }", n)),
		func(s *engine.Session) error {
			if _, err := s.Run("w = loadIPCInMemoryTable(`ipc1)"); err != nil {
				return err
			}
			for k := range n {
				if _, err := s.Call("tableInsert", value.NewString("w"), value.NewInt(int32(k)), value.NewDouble(4)); err != nil {
					return err
				}
			}
			return nil
		},
		script(load+fmt.Sprintf(`for (k in 1..%d) {
	s = select * from h
	assert size(s.id) == size(s.v)
	if (size(h) > 0) r = h[0]
	x = h.v
	y = 1..3
	c = exec count(*) from loadIPCInMemoryTable("ipc1")
	assert size(x) <= c
}`, n)),
	)
	for i, err := range errs {
		require.NoError(t, err, "session %d", i)
	}
	require.Equal(t, fmt.Sprint(4*n), testkit.Run(t, e.NewSession(), "exec count(*) from loadIPCInMemoryTable(`ipc1)"))
}

// A dropped table's name is free again, while the sessions that loaded
// it keep reading and appending to it, still serialized, and never see
// the rows of the new table of the same name.
func TestIPCTableDroppedWhileHandlesHeld(t *testing.T) {
	const n = 200
	e := testkit.InMemory(t)
	testkit.Run(t, e.NewSession(), "createIPCInMemoryTable(1000000, `ipc1, `id, [INT])")
	a, b := e.NewSession(), e.NewSession()
	testkit.Run(t, a, "h = loadIPCInMemoryTable(`ipc1); h.append!(table(1 as id))")
	testkit.Run(t, b, "h = loadIPCInMemoryTable(`ipc1)")
	require.Equal(t, "ipc1", testkit.Run(t, e.NewSession(), "dropIPCInMemoryTable(`ipc1)"))
	_, err := e.NewSession().Run("loadIPCInMemoryTable(`ipc1)")
	require.EqualError(t, err, `loadIPCInMemoryTable("ipc1") => The IPC in-memory table [ipc1] does not exist.`)
	testkit.Run(t, e.NewSession(), "createIPCInMemoryTable(1000000, `ipc1, `id, [INT])")

	appendRows := fmt.Sprintf("for (k in 1..%d) { h.append!(table(k as id)); x = size(h) }", n)
	for i, err := range runSessions(e,
		func(*engine.Session) error { _, err := a.Run(appendRows); return err },
		func(*engine.Session) error { _, err := b.Run(appendRows); return err },
	) {
		require.NoError(t, err, "session %d", i)
	}
	require.Equal(t, fmt.Sprint(2*n+1), testkit.Run(t, a, "size(h)"))
	require.Equal(t, fmt.Sprint(2*n+1), testkit.Run(t, b, "size(h)"))
	require.Equal(t, "0", testkit.Run(t, e.NewSession(), "size(loadIPCInMemoryTable(`ipc1))"))
}

// A read-heavy loop over a plain local table, the same with a shared or
// an IPC table in the engine (every statement then plans its locks), and
// over an IPC table through a handle (every statement takes its read
// lock).
func BenchmarkReadLoop(b *testing.B) {
	const loop = "for (k in 1..1000) { s = size(t); r = t[0]; x = exec sum(v) from t; y = t.v }"
	for _, bc := range []struct{ name, setup string }{
		{"local", "t = table(1..1000 as id, rand(1.0, 1000) as v)"},
		{"local with a shared table", "t = table(1..1000 as id, rand(1.0, 1000) as v); share table(1:0, `id, [INT]) as other"},
		{"local with an IPC table", "t = table(1..1000 as id, rand(1.0, 1000) as v); createIPCInMemoryTable(1000000, `other, `id, [INT])"},
		{"IPC handle", "t = createIPCInMemoryTable(1000000, `ipc1, `id`v, [INT, DOUBLE]); t.append!(table(1..1000 as id, rand(1.0, 1000) as v))"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := testkit.InMemory(b).NewSession()
			testkit.Run(b, s, bc.setup)
			for b.Loop() {
				testkit.Run(b, s, loop)
			}
		})
	}
}
