package partfn

import (
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/value"
)

// Session is what a compiled call runs in (an engine session).
type Session interface {
	Run(script string) (value.Value, error)
	Set(name string, v value.Value)
}

// Compiler returns dfs.Config's PartitionFunc. Each call gets a session
// from newSession, in which its definitions run once (errors ignored); the call is then
// evaluated there with its column bound, one write at a time, so it
// works for every session that writes the table, also after a restart.
func Compiler(newSession func() Session) func(call, col string, defs []string) (dfs.PartitionFunc, error) {
	return func(call, col string, defs []string) (dfs.PartitionFunc, error) {
		s := newSession()
		for _, d := range defs {
			// defs are all the creating session's functions; one that
			// can't be defined alone (it used that session's variables)
			// is not the call's concern unless the call needs it, and
			// then evaluating the call reports it.
			s.Run(d) //nolint:errcheck
		}
		var mu sync.Mutex
		return func(v *value.Vector) (*value.Vector, error) {
			mu.Lock()
			defer mu.Unlock()
			s.Set(col, v)
			out, err := s.Run(call)
			if err != nil {
				return nil, err
			}
			r, ok := out.(*value.Vector)
			if !ok || r.Len() != v.Len() {
				return nil, ddberr.Errorf("The partitioning function %s must return a vector as long as its argument.", call)
			}
			return r, nil
		}, nil
	}
}
