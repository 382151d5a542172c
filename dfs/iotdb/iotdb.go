package iotdb

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Table is an IOTDB table's point-management state; a nil *Table is a
// table of another engine.
type Table struct {
	// AnyCol names the IOTANY column, "" when there is none; the dfs
	// schema holds it as STRING, the type its stored form has.
	AnyCol string
	// LatestKeyCache and CompressHashSortKey are create table's options.
	LatestKeyCache, CompressHashSortKey bool

	mu sync.Mutex
	// static holds each partition's static table by the partition's
	// chunk path less its last (time) level.
	static map[string]*static
	// cached marks the partitions whose static table is in memory;
	// clearAllIOTDBStaticTableCache empties it, and the next use loads
	// the table from static again (kept with the catalog).
	cached map[string]bool
}

// static is one partition's static table: its points in inner-id order.
type static struct {
	Keys  [][]string `json:"keys"`
	Types []int      `json:"types"`
	index map[string]int
}

// New returns the state of a new IOTDB table.
func New(anyCol string, latestKeyCache, compressHashSortKey bool) *Table {
	return &Table{AnyCol: anyCol, LatestKeyCache: latestKeyCache, CompressHashSortKey: compressHashSortKey,
		static: map[string]*static{}, cached: map[string]bool{}}
}

type persisted struct {
	AnyCol              string             `json:"anyCol"`
	LatestKeyCache      bool               `json:"latestKeyCache"`
	CompressHashSortKey bool               `json:"compressHashSortKey"`
	Static              map[string]*static `json:"static,omitempty"`
}

// MarshalJSON is the catalog's record of t, static tables included.
func (t *Table) MarshalJSON() ([]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return json.Marshal(persisted{t.AnyCol, t.LatestKeyCache, t.CompressHashSortKey, t.static})
}

// UnmarshalJSON reads the catalog's record back.
func (t *Table) UnmarshalJSON(b []byte) error {
	var p persisted
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*t = Table{AnyCol: p.AnyCol, LatestKeyCache: p.LatestKeyCache, CompressHashSortKey: p.CompressHashSortKey,
		static: p.Static, cached: map[string]bool{}}
	if t.static == nil {
		t.static = map[string]*static{}
	}
	return nil
}

// Col is the IOTANY column's position in names, -1 when t is nil or has
// no IOTANY column.
func (t *Table) Col(names []string) int {
	if t == nil || t.AnyCol == "" {
		return -1
	}
	return value.NameIndex(names, t.AnyCol)
}

// valueTypes are the types an IOTANY value may have (iotdb.md, 数据类型).
var valueTypes = []value.Type{value.Char, value.Short, value.Int, value.Long, value.Bool,
	value.Float, value.Double, value.Symbol, value.String}

// Check applies create table's rules for an IOTDB table (iotdb.md,
// progr/sql/create.md, createPartitionedTable.md) and returns the IOTANY
// column's position (-1: none). iot reports whether the table is one of
// an IOTDB database; timeLast whether its partitioning is composite with
// a temporal last level.
func Check(iot bool, types []value.Type, sortCols []int, latestKeyCache, softDelete, timeLast bool) (int, error) {
	anyCol := -1
	for i, t := range types {
		if t != value.IOTAny {
			continue
		}
		if anyCol >= 0 {
			return 0, ddberr.Errorf("A table can have at most one IOTANY column.")
		}
		anyCol = i
	}
	if !iot {
		if anyCol >= 0 || latestKeyCache {
			return 0, ddberr.Errorf("A table with an IOTANY column or latestKeyCache=true must be created in a database of the IOTDB engine.")
		}
		return -1, nil
	}
	switch {
	case anyCol >= 0 && !latestKeyCache:
		return 0, ddberr.Errorf("A table with an IOTANY column must set latestKeyCache=true.")
	case anyCol < 0 && !latestKeyCache:
		return 0, ddberr.Errorf("A database of the IOTDB engine can only hold tables with an IOTANY column or latestKeyCache=true.")
	case len(sortCols) < 2:
		return 0, ddberr.Errorf("sortColumns must have at least two columns when latestKeyCache=true.")
	case softDelete:
		return 0, ddberr.Errorf("softDelete is not supported by the IOTDB engine.")
	case !timeLast:
		return 0, ddberr.Errorf("A table of the IOTDB engine must be partitioned by a composite scheme whose last level is temporal.")
	}
	for _, c := range sortCols {
		if types[c].IsDecimal() {
			return 0, ddberr.Errorf("sortColumns of an IOTDB table can't hold a DECIMAL column.")
		}
		if types[c] == value.IOTAny {
			return 0, ddberr.Errorf("sortColumns of an IOTDB table can't hold the IOTANY column.")
		}
	}
	return anyCol, nil
}

// Placeholder is src with its IOTANY column (position col) replaced by
// an empty-text STRING column, so the table's conversion rules, which
// see that column as STRING, pass it; Fill puts the encoded values in
// afterwards. The second result is the column taken out (nil when src
// has no column there).
func Placeholder(src *value.Table, col int) (*value.Table, *value.Vector) {
	if col < 0 || col >= src.NumCols() {
		return src, nil
	}
	cols := slices.Clone(src.Cols)
	raw := cols[col]
	cols[col] = value.NewVector(value.String, raw.Len(), raw.Len())
	out := value.NewTable(slices.Clone(src.Names), cols)
	return out, raw
}

// Fill registers each row's point in its partition's static table,
// refusing a value whose type differs from the type the point's first
// value gave it (iotdb.md, 写入示例), and stores the encoded IOTANY
// values in full's column. keyCols are the first sort columns' positions
// in full; part and paths are the rows' partitions (partition.Routing).
// It reports whether a static table gained points.
func (t *Table) Fill(full *value.Table, raw *value.Vector, keyCols []int, part []int32, paths []string) (bool, error) {
	return t.fill(full, raw, keyCols, part, paths, false)
}

// fill is Fill; with retype a row's value gives its point its type
// instead of having to match it (an update of the IOTANY column).
func (t *Table) fill(full *value.Table, raw *value.Vector, keyCols []int, part []int32, paths []string, retype bool) (bool, error) {
	n := full.Rows()
	types := make([]value.Type, n)
	var enc []string
	col := t.Col(full.Names)
	if col >= 0 && raw != nil {
		enc = make([]string, n)
		for i := range n {
			s, err := scalarAt(raw, i)
			if err != nil {
				return false, err
			}
			types[i], enc[i] = s.T, encode(s)
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	grown := false
	var key strings.Builder
	for i := range n {
		if part[i] < 0 {
			continue
		}
		st := t.staticOf(prefix(paths[part[i]]), true)
		key.Reset()
		texts := make([]string, len(keyCols))
		for k, c := range keyCols {
			texts[k] = full.Cols[c].FormatElem(i)
			key.WriteString(texts[k])
			key.WriteByte(0)
		}
		if id, ok := st.index[key.String()]; ok {
			if want := value.Type(st.Types[id]); retype && want != types[i] && types[i] != value.Void {
				st.Types[id], grown = int(types[i]), true
			} else if want != types[i] && types[i] != value.Void {
				return false, ddberr.Errorf("The IOTANY value of point [%s] is of type %s but the point's type is %s.", strings.Join(texts, ", "), types[i], want)
			}
			continue
		}
		st.index[key.String()] = len(st.Keys)
		st.Keys = append(st.Keys, texts)
		st.Types = append(st.Types, int(types[i]))
		grown = true
	}
	if enc != nil {
		full.Cols[col] = value.NewStrings(value.String, enc)
	}
	return grown, nil
}

// staticOf is partition p's static table, created when make is set.
func (t *Table) staticOf(p string, make bool) *static {
	st := t.static[p]
	if st == nil {
		if !make {
			return nil
		}
		st = &static{}
		t.static[p] = st
	}
	if st.index == nil {
		st.index = map[string]int{}
		for id, k := range st.Keys {
			st.index[strings.Join(k, "\x00")+"\x00"] = id
		}
	}
	t.cached[p] = true
	return st
}

// prefix is a chunk path less its last level: the partition a static
// table belongs to.
func prefix(path string) string {
	if i := strings.LastIndexByte(path, '/'); i > 0 {
		return path[:i]
	}
	return "/"
}

// scalarAt is element i of a column given for the IOTANY column.
func scalarAt(v *value.Vector, i int) (*value.Scalar, error) {
	s, ok := v.Elem(i).(*value.Scalar)
	if !ok {
		return nil, ddberr.Errorf("An IOTANY column only holds scalars.")
	}
	if s.T != value.Void && !slices.Contains(valueTypes, s.T) {
		return nil, ddberr.Errorf("An IOTANY column can't hold a value of type %s.", s.T)
	}
	return s, nil
}

// encode is s as the IOTANY column stores it: its type id, then its text
// (none for NULL).
func encode(s *value.Scalar) string {
	tag := string(rune(s.T))
	if s.Null {
		return tag
	}
	switch s.T {
	case value.Float, value.Double:
		return tag + strconv.FormatFloat(s.F, 'g', -1, 64)
	case value.Symbol, value.String:
		return tag + s.S
	}
	return tag + strconv.FormatInt(s.I, 10)
}

// decode is encode's inverse; a row stored without a value is a VOID NULL.
func decode(x string) value.Value {
	if x == "" {
		return value.NullScalar(value.Void)
	}
	t, text := value.Type(x[0]), x[1:]
	if text == "" {
		return value.NullScalar(t)
	}
	switch t {
	case value.Float:
		f, _ := strconv.ParseFloat(text, 64)
		return value.NewFloat(float32(f))
	case value.Double:
		f, _ := strconv.ParseFloat(text, 64)
		if math.IsInf(f, 0) {
			return value.NullScalar(t)
		}
		return value.NewDouble(f)
	case value.Symbol:
		return value.NewSymbol(text)
	case value.String:
		return value.NewString(text)
	}
	n, _ := strconv.ParseInt(text, 10, 64)
	return value.NewTyped(t, n)
}

// Decode turns the stored IOTANY column back into an IOTANY vector.
func Decode(stored *value.Vector) *value.Vector {
	out := value.NewVector(value.IOTAny, 0, stored.Len())
	for i := range stored.Len() {
		out.Any = append(out.Any, decode(stored.StrAt(i)))
	}
	return out
}

// StaticTable is getLocalIOTDBStaticTable's result for the partitions
// under dfsPath ("" for all): innerId, the point's columns (named as
// keyNames, innerId and valueType renamed _innerId_ and _valueType_),
// valueType.
func (t *Table) StaticTable(dfsPath string, keyNames []string, keyTypes []value.Type) (*value.Table, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ids := []int32{}
	keys := make([][]string, len(keyNames))
	var vtypes []string
	paths := make([]string, 0, len(t.static))
	for p := range t.static {
		if dfsPath == "" || p == dfsPath {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		st := t.staticOf(p, false)
		for id := len(st.Keys) - 1; id >= 0; id-- {
			ids = append(ids, int32(id))
			for k := range keyNames {
				keys[k] = append(keys[k], st.Keys[id][k])
			}
			vtypes = append(vtypes, value.Type(st.Types[id]).String())
		}
	}
	names := []string{"innerId"}
	cols := []*value.Vector{value.NewInts(ids)}
	for k, n := range keyNames {
		if strings.EqualFold(n, "innerId") || strings.EqualFold(n, "valueType") {
			n = "_" + n + "_"
		}
		v := value.NewVector(keyTypes[k], 0, len(ids))
		for _, x := range keys[k] {
			if keyTypes[k].Category() == value.CatLiteral {
				v.Str = append(v.Str, x)
				continue
			}
			s, err := cast.ParseAs(x, keyTypes[k])
			if err != nil {
				return nil, err
			}
			v.AppendScalar(s)
		}
		names, cols = append(names, n), append(cols, v)
	}
	names, cols = append(names, "valueType"), append(cols, value.NewStrings(value.String, vtypes))
	return value.NewTable(names, cols), nil
}

// ClearStaticCache drops the static tables from memory
// (clearAllIOTDBStaticTableCache); they are read back when next used.
func (t *Table) ClearStaticCache() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for p := range t.cached {
		if st := t.static[p]; st != nil {
			st.index = nil
		}
	}
	clear(t.cached)
}

// StaticCacheBytes estimates the memory the cached static tables hold,
// as getSessionMemoryStat's __IOTDBStaticTableCache__ row reports it.
func (t *Table) StaticCacheBytes() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	var n int64
	for p := range t.cached {
		for _, k := range t.static[p].Keys {
			n += 16
			for _, x := range k {
				n += int64(len(x)) + 16
			}
		}
	}
	return n
}

// TypeOf is the type of column k of a scan's parts: IOTANY when the
// parts hold the decoded IOTANY column, stored otherwise.
func TypeOf(parts []*value.Table, k int, stored value.Type) value.Type {
	for _, p := range parts {
		if p != nil {
			if p.Cols[k].T == value.IOTAny {
				return value.IOTAny
			}
			break
		}
	}
	return stored
}
