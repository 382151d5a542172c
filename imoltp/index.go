package imoltp

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/tidwall/btree"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// maxKeyString is the longest string a key column takes (S07005).
const maxKeyString = 4096

// index is the primary key (the first of a table's indexes) or one
// secondary key: a B-tree of each row's key, so an insert checks a
// unique key in it and a query finds a key, a key's prefix or a range
// of keys in it (keyindex.Ordered) rather than scanning the rows.
type index struct {
	cols   []int
	unique bool
	tree   *btree.BTreeG[entry]
}

// entry is one row's key and the row's id (table.ids), which a delete
// of other rows leaves alone, so a delete only takes the deleted rows'
// entries out. Keys of a non-unique index repeat; the id, growing with
// the row's position, orders them.
type entry struct {
	key string
	id  int64
}

func lessEntry(a, b entry) bool {
	if a.key != b.key {
		return a.key < b.key
	}
	return a.id < b.id
}

func newTree() *btree.BTreeG[entry] {
	return btree.NewBTreeGOptions(lessEntry, btree.Options{NoLocks: true})
}

// clone is a copy of ix that changes apart from it; the tree is copied
// lazily, node by node as either side writes.
func (ix *index) clone() *index {
	return &index{cols: ix.cols, unique: ix.unique, tree: ix.tree.Copy()}
}

// has reports whether a row has key.
func (ix *index) has(key string) bool {
	found := false
	ix.tree.Ascend(entry{key: key, id: math.MinInt64}, func(e entry) bool {
		found = e.key == key
		return false
	})
	return found
}

// holder is the id of a row other than those in ids whose key is key,
// false when there is none: a unique key's only entry.
func (ix *index) holder(key string, ids map[int64]bool) bool {
	found := false
	ix.tree.Ascend(entry{key: key, id: math.MinInt64}, func(e entry) bool {
		if e.key != key {
			return false
		}
		found = !ids[e.id]
		return !found
	})
	return found
}

// add puts keys, those of the rows ids, in the tree.
func (ix *index) add(keys []string, ids []int64) {
	for i, k := range keys {
		ix.tree.Set(entry{key: k, id: ids[i]})
	}
}

// build makes the tree of t's rows, whose ids are 0, 1, ..., anew; for
// a unique key, dup is the first row (in row order) repeating an
// earlier row's key, or -1.
func (ix *index) build(t *value.Table) (dup int, err error) {
	keys, err := encodeKeys(t, ix.cols, 0, t.Rows())
	if err != nil {
		return -1, err
	}
	es := make([]entry, len(keys))
	for i, k := range keys {
		es[i] = entry{key: k, id: int64(i)}
	}
	slices.SortFunc(es, func(a, b entry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	dup = -1
	if ix.unique {
		for i := 1; i < len(es); i++ {
			if es[i].key == es[i-1].key && (dup < 0 || int(es[i].id) < dup) {
				dup = int(es[i].id)
			}
		}
		if dup >= 0 {
			return dup, nil
		}
	}
	tree := newTree()
	for _, e := range es {
		tree.Load(e)
	}
	ix.tree = tree
	return -1, nil
}

// scan calls fn with the ids of the rows whose key starts with prefix
// and whose next column's encoding lies within [lo, hi] ("" when open),
// in key order, until fn returns false.
func (ix *index) scan(prefix, lo, hi string, fn func(id int64) bool) {
	from := entry{key: prefix + lo, id: math.MinInt64}
	ix.tree.Ascend(from, func(e entry) bool {
		if !strings.HasPrefix(e.key, prefix) {
			return false
		}
		if hi != "" {
			rest := e.key[len(prefix):]
			if len(rest) > len(hi) {
				rest = rest[:len(hi)]
			}
			// the encoding of a column delimits itself, so the first
			// len(hi) bytes order the column's value against hi
			if bytes.Compare([]byte(rest), []byte(hi)) > 0 {
				return false
			}
		}
		return fn(e.id)
	})
}

// encodeKeys is the key of each row in [lo, hi) over the columns cols:
// the columns' encodings one after the other, each ordering as its
// values do (NULL, the smallest, first), so the bytes of two keys order
// as the keys do and a key's first columns are a prefix of its bytes.
// Integers are big-endian with the sign bit flipped; a string's zero
// bytes are escaped as 0x00 0xFF and it ends with 0x00 0x01.
func encodeKeys(t *value.Table, cols []int, lo, hi int) ([]string, error) {
	bufs := make([][]byte, hi-lo)
	for _, c := range cols {
		if err := appendColumn(bufs, t.Cols[c], lo); err != nil {
			return nil, err
		}
	}
	return keyStrings(bufs), nil
}

// keysAt is the key over the columns cols of each of t's rows.
func keysAt(t *value.Table, cols []int, rows []int) ([]string, error) {
	bufs := make([][]byte, len(rows))
	for _, c := range cols {
		if err := appendColumn(bufs, t.Cols[c].Gather(rows), 0); err != nil {
			return nil, err
		}
	}
	return keyStrings(bufs), nil
}

func keyStrings(bufs [][]byte) []string {
	keys := make([]string, len(bufs))
	for i, b := range bufs {
		keys[i] = string(b)
	}
	return keys
}

// appendColumn appends the encoding of v's elements from lo on to bufs,
// one element each.
func appendColumn(bufs [][]byte, v *value.Vector, lo int) error {
	switch v.T.Storage() {
	case value.StInt8:
		for i := range bufs {
			bufs[i] = append(bufs[i], byte(v.I8[lo+i])^0x80)
		}
	case value.StInt16:
		for i := range bufs {
			bufs[i] = binary.BigEndian.AppendUint16(bufs[i], uint16(v.I16[lo+i])^0x8000)
		}
	case value.StInt32:
		for i := range bufs {
			bufs[i] = binary.BigEndian.AppendUint32(bufs[i], uint32(v.I32[lo+i])^0x80000000)
		}
	case value.StInt64:
		for i := range bufs {
			bufs[i] = binary.BigEndian.AppendUint64(bufs[i], uint64(v.I64[lo+i])^(1<<63))
		}
	case value.StString:
		for i := range bufs {
			s := v.StrAt(lo + i)
			if len(s) > maxKeyString {
				return ddberr.Errorf("Strings in key column must not exceed 4096 bytes. RefId: S07005")
			}
			for j := 0; j < len(s); j++ {
				bufs[i] = append(bufs[i], s[j])
				if s[j] == 0 {
					bufs[i] = append(bufs[i], 0xFF)
				}
			}
			bufs[i] = append(bufs[i], 0, 1)
		}
	default:
		return fmt.Errorf("imoltp: no key encoding for %s", v.T)
	}
	return nil
}

// encodeValue is the encoding of v's only element ("" for nil).
func encodeValue(v *value.Vector) string {
	if v == nil {
		return ""
	}
	buf := [][]byte{nil}
	if appendColumn(buf, v, 0) != nil {
		return ""
	}
	return string(buf[0])
}

// KeyIndexes implements keyindex.Ordered.
func (tb *table) KeyIndexes() [][]int {
	out := make([][]int, len(tb.indexes))
	for i, ix := range tb.indexes {
		out[i] = ix.cols
	}
	return out
}

// ScanIndex implements keyindex.Ordered. The caller reads the table
// under its lock (value.Table.Mu), which every change of the rows and
// indexes holds.
func (tb *table) ScanIndex(i int, eq []*value.Vector, lo, hi *value.Vector, fn func(row int) bool) {
	var prefix []byte
	for _, v := range eq {
		prefix = append(prefix, encodeValue(v)...)
	}
	tb.indexes[i].scan(string(prefix), encodeValue(lo), encodeValue(hi), func(id int64) bool {
		return fn(tb.row(id))
	})
}

// row is the position of the row whose id is id: ids grow with the
// rows' positions.
func (tb *table) row(id int64) int {
	r, _ := slices.BinarySearch(tb.ids, id)
	return r
}

// rebuild builds every index of t's rows anew, with the ids 0, 1, ...;
// a unique key repeated is S07002's error.
func (tb *table) rebuild() error {
	n := tb.t.Rows()
	tb.ids = make([]int64, n)
	for i := range tb.ids {
		tb.ids[i] = int64(i)
	}
	tb.nextID = int64(n)
	for _, ix := range tb.indexes {
		dup, err := ix.build(tb.t)
		if err != nil {
			return err
		}
		if dup >= 0 {
			return tb.duplicate(tb.t, ix, dup)
		}
	}
	return nil
}

// checkNew checks that rows [from, t.Rows()) repeat no unique key, of
// the table or of each other, and returns each index's keys of them.
func (tb *table) checkNew(t *value.Table, from int) ([][]string, error) {
	added := make([][]string, len(tb.indexes))
	for k, ix := range tb.indexes {
		keys, err := encodeKeys(t, ix.cols, from, t.Rows())
		if err != nil {
			return nil, err
		}
		if ix.unique {
			seen := make(map[string]struct{}, len(keys))
			for i, key := range keys {
				_, again := seen[key]
				if again || ix.has(key) {
					return nil, tb.duplicate(t, ix, from+i)
				}
				seen[key] = struct{}{}
			}
		}
		added[k] = keys
	}
	return added, nil
}

// addKeys gives the rows from from on new ids and puts checkNew's keys
// of them in the indexes.
func (tb *table) addKeys(added [][]string, from int) {
	ids := make([]int64, len(added[0]))
	for i := range ids {
		ids[i] = tb.nextID
		tb.nextID++
	}
	tb.ids = append(tb.ids[:from], ids...)
	for k, keys := range added {
		tb.indexes[k].add(keys, ids)
	}
}

// duplicate is S07002's error for the key of row i.
func (tb *table) duplicate(t *value.Table, ix *index, i int) error {
	vals := make([]string, len(ix.cols))
	names := make([]string, len(ix.cols))
	for k, c := range ix.cols {
		vals[k] = t.Cols[c].FormatElem(i)
		names[k] = t.Names[c]
	}
	return ddberr.Errorf("Cannot insert record with duplicate key '%s' because the table enforces uniqueness on column(s) '%s'. RefId: S07002",
		strings.Join(vals, ","), strings.Join(names, ","))
}
