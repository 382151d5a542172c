package extpart

import (
	"slices"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// Partitioned is a partitioned table whose partitions are user tables
// (dfs.Table over a tuple of tables): what reaches it reaches them too,
// so shared-object locks and transaction rollbacks take them.
type Partitioned interface {
	ExternalPartitions() []*value.Table
}

// Set is a partitioned table's external partitions: one user table per
// partition path. The tables stay the user's: rows inserted into them
// directly are the partitioned table's rows, and nothing checks that
// they belong to their partition (funcs/m/mvccTable.md warns of this).
// Each table is read and changed under its own lock (value.Table.Mu,
// which tableInsert and SQL take on a shared table), taken innermost.
type Set struct {
	// mu guards byPath: a partition added to the database after the
	// table was made (addValuePartitions) gets a table of its own, like
	// the first, when its first rows come.
	mu     sync.RWMutex
	byPath map[string]*value.Table
	first  *value.Table
	// stream is set when a partition is a stream table: rows can then be
	// written only into the partitions (createPartitionedTable.md 例2.3).
	stream bool
}

// New makes the partitions at paths (every partition's path in partition
// order) the tables, one each. The tables must be as many as the paths
// and have the first one's column count and types. A path two partitions
// share (special characters in VALUE partitions) is the first one's.
func New(paths []string, tables []*value.Table) (*Set, error) {
	if len(tables) != len(paths) {
		return nil, ddberr.Errorf("The number of tables in the tuple [table] must be the same as the number of partitions of the database.")
	}
	first := tables[0]
	s := &Set{byPath: make(map[string]*value.Table, len(paths)), first: first}
	for i, t := range tables {
		if !sameSchema(first, t) {
			return nil, ddberr.Errorf("Every table in the tuple [table] must have the same schema as the first one.")
		}
		if insert.IsStream(t) {
			s.stream = true
		}
		if s.byPath[paths[i]] == nil {
			s.byPath[paths[i]] = t
		}
	}
	return s, nil
}

// sameSchema reports whether a and b have the same column count and,
// column by column, type and decimal scale.
func sameSchema(a, b *value.Table) bool {
	return len(a.Cols) == len(b.Cols) && slices.EqualFunc(a.Cols, b.Cols, func(x, y *value.Vector) bool {
		return x.T == y.T && x.Scale == y.Scale
	})
}

// Read copies the columns at positions cols of the partition at path,
// named names, under the table's read lock, so a batch appended meanwhile
// is seen whole or not at all; nil when the path has no table or its
// table no rows.
func (s *Set) Read(path string, cols []int, names []string) *value.Table {
	t := s.table(path)
	if t == nil {
		return nil
	}
	t.Mu.RLock()
	defer t.Mu.RUnlock()
	if t.Rows() == 0 {
		return nil
	}
	out := make([]*value.Vector, len(cols))
	for k, c := range cols {
		out[k] = t.Cols[c].Clone()
	}
	return value.NewTable(names, out)
}

// Append appends rows (a table of the partitioned table's columns,
// converted) to the partition at path with insert.Append under the
// table's lock, so an MVCC table writes its files. A partition added
// after the table was made gets an in-memory table like the first one
// (plain, or keyed on the same columns) to hold its rows. A stream
// partition refuses: rows are written into the partitions.
func (s *Set) Append(path string, rows *value.Table) (int, error) {
	if s.stream {
		return 0, ddberr.Errorf("Can't append data to a segmented table that contains external partitions.")
	}
	t := s.table(path)
	if t == nil {
		t = s.adopt(path)
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	return insert.Append(t, rows)
}

// Rewrite gives fn the rows of the partition at path (its columns, not
// copied, named names) under the table's lock, and makes what fn returns
// (nil: nothing changed) the table's rows in place, so the user's table
// is changed and an MVCC table rewrites its files (insert.Changed). It
// returns fn's count of changed rows. Plain tables are changed as MVCC
// ones: the manual says each table is a partition, and nothing that
// writes through the partitioned table refuses them. Stream partitions
// are append-only.
func (s *Set) Rewrite(path string, names []string, fn func(*value.Table) (*value.Table, int, error)) (int, error) {
	if s.stream {
		return 0, ddberr.Errorf("A stream table is append-only: its rows can't be updated or deleted.")
	}
	t := s.table(path)
	if t == nil {
		return 0, nil
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	if t.Rows() == 0 {
		return 0, nil
	}
	next, n, err := fn(value.NewTable(names, t.Cols))
	if err != nil || next == nil {
		return 0, err
	}
	if keyChanged(t, next) {
		return 0, ddberr.Errorf("Can't update a key column.")
	}
	old := t.Cols
	t.Cols = next.Cols
	if t.IsKeyed() {
		t.RebuildKeys() // rows were only dropped or had other columns changed: keys stay unique
	}
	if err := insert.Changed(t); err != nil {
		t.Cols = old
		if t.IsKeyed() {
			t.RebuildKeys()
		}
		return 0, err
	}
	return n, nil
}

// keyChanged reports whether next, the rows fn made of the keyed table
// t's, changes a key column: an update (same row count) hands back the
// columns it leaves alone as they are, so a key column that is another
// vector was set. A delete (fewer rows) changes no key.
func keyChanged(t, next *value.Table) bool {
	if !t.IsKeyed() || next.Rows() != t.Rows() {
		return false
	}
	return slices.ContainsFunc(t.KeyCols, func(k int) bool { return next.Cols[k] != t.Cols[k] })
}

// table is the table of the partition at path, nil when it has none.
func (s *Set) table(path string) *value.Table {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.byPath[path]
}

// adopt gives the partition at path, which has no table, an empty one
// like the first table; a concurrent append may have given it one first.
func (s *Set) adopt(path string) *value.Table {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.byPath[path]; t != nil {
		return t
	}
	s.first.Mu.RLock()
	t := s.first.EmptyLike(0)
	t.Kind, t.KeyCols = s.first.Kind, slices.Clone(s.first.KeyCols)
	s.first.Mu.RUnlock()
	if t.IsKeyed() {
		t.RebuildKeys()
	}
	s.byPath[path] = t
	return t
}

// Drop deletes the rows of the partition at path (dropPartition): the
// user's table is emptied in place, as a delete of all its rows would.
func (s *Set) Drop(path string, names []string) error {
	_, err := s.Rewrite(path, names, func(rows *value.Table) (*value.Table, int, error) {
		return rows.Gather(nil), rows.Rows(), nil
	})
	return err
}

// Tables lists the partitions' tables, each once, in no set order.
func (s *Set) Tables() []*value.Table {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*value.Table, 0, len(s.byPath))
	for _, t := range s.byPath {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// HasRows reports whether the partition at path holds rows.
func (s *Set) HasRows(path string) bool {
	t := s.table(path)
	if t == nil {
		return false
	}
	t.Mu.RLock()
	defer t.Mu.RUnlock()
	return t.Rows() > 0
}
