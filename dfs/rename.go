package dfs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"strings"
)

// RenameTable renames a table of the database (renameTable), its data
// and schema moving with it in one atomic write.
func (d *Database) RenameTable(from, to string) error {
	if to == "" || strings.ContainsAny(to, "/\\\x00") {
		return ddberr.Errorf("Invalid table name [%s].", to)
	}
	t, unlock := d.exclusive(from)
	defer unlock()
	if t == nil {
		return ddberr.Errorf("The table [%s] does not exist in database [%s].", from, d.path)
	}
	if d.tables[to] != nil {
		return ddberr.Errorf("The table [%s] already exists in database [%s].", to, d.path)
	}
	if d.DFS() {
		if err := d.cat.store.RenameTable(d.path, from, to); err != nil {
			return err
		}
	}
	t.mu.Lock()
	t.name = to
	t.mu.Unlock()
	delete(d.tables, from)
	d.tables[to] = t
	return nil
}
