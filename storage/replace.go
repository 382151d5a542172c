package storage

import (
	"bytes"

	"github.com/porpoisedb/porpoise/value"
)

// Replace makes cols the whole content of chunk c when the transaction
// commits: the chunk's blocks are deleted and cols written in their place,
// in the same Pebble batch, so readers see either the old rows or the new
// ones. upsert! on DFS tables uses it to rewrite the partitions it
// updates. The chunk's symbol base is kept (ids stay valid; symbols that
// no row uses any more stay in the base, as DolphinDB's do), and so is its
// incarnation. Appends to c earlier in the same transaction are discarded;
// later ones add to the new content.
func (t *Txn) Replace(c ChunkID, names []string, cols []*value.Vector, opts ChunkOptions) error {
	if err := t.startWrite(TxnRewrite, c, cols, "Replace"); err != nil {
		return err
	}
	if err := t.Lock(c); err != nil {
		return err
	}
	if t.batch == nil {
		t.batch = t.s.db.NewBatch()
	}
	tc, err := t.chunk(c)
	if err != nil {
		return err
	}
	bp := append(bytes.Clone(tc.prefix), 'B')
	if err := t.batch.DeleteRange(bp, prefixEnd(bp), nil); err != nil {
		t.err = err
		return err
	}
	tc.m.rows = 0
	tc.m.blocks = 0
	tc.m.cols = 0
	// The meta must be rewritten even when cols are empty.
	tc.dirty = true
	return t.Append(c, names, cols, opts)
}
