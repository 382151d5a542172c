package engine

import (
	"fmt"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/partfn"
	"github.com/porpoisedb/porpoise/storage"
)

// openStorage attaches the Pebble store that holds dfs:// databases and
// reads their catalog.
func (e *Engine) openStorage() error {
	st, err := storage.Open(storage.Options{Dir: e.opts.DataDir, InMemory: e.opts.InMemory})
	if err != nil {
		return fmt.Errorf("open storage: %w", err)
	}
	cat, err := dfs.Open(st, dfs.Config{
		NewValuePartitionPolicy:             e.cfg.NewValuePartitionPolicy,
		AllowMissingPartitions:              e.cfg.AllowMissingPartitions,
		EnableInsertStatementForDFSTable:    e.cfg.EnableInsertStatementForDFSTable,
		IgnoreSpecialCharacterInPartitionId: e.cfg.IgnoreSpecialCharacterInPartitionId,
		EnableNullSafeJoin:                  e.cfg.EnableNullSafeJoin,
		PartitionFunc:                       partfn.Compiler(func() partfn.Session { return e.NewSession() }),
	})
	if err != nil {
		st.Close()
		return err
	}
	e.store = st
	e.dbs = cat
	return nil
}

func (e *Engine) closeStorage() error {
	if e.store == nil {
		return nil
	}
	return e.store.Close()
}
