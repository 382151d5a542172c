package dfs

import (
	"context"
	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Upsert implements upsert!/tableUpsert on DFS tables:
// the key is keyColNames plus the partitioning columns (a PKEY table's
// primary key, whatever keyColNames says); a new row whose
// key matches existing rows updates the first of them, other new rows are
// appended. Partitions with updates are rewritten whole (storage
// Txn.Replace) in the same transaction as the appends, under the
// database's TRANS/CHUNK rules.
func (t *Table) Upsert(ctx context.Context, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (res insert.Result, err error) {
	defer audit.Upserted(ctx, time.Now(), t.db.path, t.name, &res, &err)
	t.ddlMu.RLock()
	defer t.ddlMu.RUnlock()
	if !t.db.DFS() {
		return insert.Result{}, ddberr.Errorf("The target of upsert! must be a keyed table, an indexed table or a DFS table.")
	}
	if t.iot != nil && (ignoreNull || t.iot.AnyCol != "") {
		return insert.Result{}, ddberr.Errorf("upsert! on an IOTDB table can't set ignoreNull=true or upsert an IOTANY column.")
	}
	keys, err := t.columnIndexes(keyCols, "key")
	if err != nil {
		return insert.Result{}, err
	}
	if t.db.engineType == "PKEY" {
		// the primary key is the key (upsert_.md: a new row whose key is
		// there updates it, and PKEY takes no keyColNames); it holds
		// every partitioning column
		keys = slices.Clone(t.sc().sortCols)
	}
	for _, c := range t.sc().partCols {
		if !slices.Contains(keys, c) {
			keys = append(keys, c)
		}
	}
	sorts, err := t.columnIndexes(sortCols, "sort")
	if err != nil {
		return insert.Result{}, err
	}
	if len(sorts) > 0 && len(t.sc().sortCols) > 0 {
		return insert.Result{}, ddberr.Errorf("The parameter sortColumns of upsert! is only supported for tables of the OLAP engine.")
	}
	full, err := t.convert(src)
	if err != nil {
		return insert.Result{}, err
	}
	if full.Rows() == 0 {
		return insert.Result{}, nil
	}
	r, g, err := t.route(full)
	if err != nil {
		return insert.Result{}, err
	}
	defer g.abort()
	groups := r.Groups()
	order, err := t.lockOrder(r, src.NumCols())
	if err != nil {
		return insert.Result{}, err
	}
	u := upsertPlan{t: t, keys: keys, sorts: sorts, ignoreNull: ignoreNull, nullSafe: t.db.cat.cfg.EnableNullSafeJoin}
	return t.writeChunks(ctx, order, g, func(txn *storage.Txn, path string) (insert.Result, error) {
		return u.apply(txn, path, full.Gather(groups[path]))
	})
}

// columnIndexes resolves column names (case-insensitively, as DolphinDB
// does) to schema positions.
func (t *Table) columnIndexes(names []string, role string) ([]int, error) {
	var out []int
	for _, n := range names {
		found := slices.IndexFunc(t.sc().names, func(c string) bool { return strings.EqualFold(c, n) })
		if found < 0 {
			return nil, ddberr.Errorf("The %s column %s doesn't exist in the table.", role, n)
		}
		if !slices.Contains(out, found) {
			out = append(out, found)
		}
	}
	return out, nil
}

// upsertPlan is one upsert!'s key and options, applied partition by
// partition.
type upsertPlan struct {
	t          *Table
	keys       []int
	sorts      []int
	ignoreNull bool
	nullSafe   bool
}

// apply merges part (rows of one partition) into the partition's chunk,
// which txn has locked, so the rows read are the latest committed ones.
func (u *upsertPlan) apply(txn *storage.Txn, path string, part *value.Table) (insert.Result, error) {
	t := u.t
	id := t.chunkID(path)
	existing, err := t.readChunk(path)
	if err != nil {
		return insert.Result{}, err
	}
	before := existing.Rows()
	index := make(map[string]int, before)
	var key []byte
	keyOf := func(tb *value.Table, row int) (string, bool) {
		key = key[:0]
		for _, k := range u.keys {
			c := tb.Cols[k]
			if !u.nullSafe && c.IsNull(row) {
				return "", false
			}
			key = c.AppendKey(key, row)
		}
		return string(key), true
	}
	for r := 0; r < before; r++ {
		if k, ok := keyOf(existing, r); ok {
			if _, dup := index[k]; !dup {
				index[k] = r // only the first of duplicated keys is updated
			}
		}
	}
	var res insert.Result
	var fresh []int
	isKey := make([]bool, len(t.sc().names))
	for _, k := range u.keys {
		isKey[k] = true
	}
	ow := insert.NewOverwrite(existing.Cols)
	for i, n := 0, part.Rows(); i < n; i++ {
		k, ok := keyOf(part, i)
		r, found := index[k]
		if !ok || !found {
			fresh = append(fresh, i)
			continue
		}
		for c := range existing.Cols {
			if isKey[c] || (u.ignoreNull && insert.RowIsNull(part.Cols[c], i)) {
				continue
			}
			ow.Set(c, r, part.Cols[c], i)
		}
		res.Updated++
	}
	ow.Apply()
	res.Inserted = len(fresh)
	opts := t.chunkOptions()
	if res.Updated == 0 && (len(u.sorts) == 0 || before == 0) {
		if len(fresh) == 0 {
			return res, nil
		}
		add := part.Gather(fresh)
		return res, txn.Append(id, t.sc().names, add.Cols, opts)
	}
	for _, i := range fresh {
		for c, col := range existing.Cols {
			col.AppendFrom(part.Cols[c], i)
		}
	}
	if len(u.sorts) > 0 && before > 0 {
		existing = sortTableStable(existing, u.sorts)
	}
	return res, txn.Replace(id, t.sc().names, existing.Cols, opts)
}

// sortTableStable orders rows by the columns, ascending, ties in their
// current order.
func sortTableStable(tb *value.Table, by []int) *value.Table {
	idx := make([]int, tb.Rows())
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		for _, c := range by {
			if x := value.CompareElems(tb.Cols[c], idx[a], idx[b]); x != 0 {
				return x < 0
			}
		}
		return false
	})
	return tb.Gather(idx)
}
