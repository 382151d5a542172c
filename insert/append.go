package insert

import (
	"github.com/porpoisedb/porpoise/value/cast"
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// Result counts what an append or upsert did.
type Result struct {
	Inserted int // new rows (new keys for keyed/indexed tables)
	Updated  int // existing keyed rows overwritten
}

// Append appends src to the in-memory table dst by position with implicit
// conversion, returning the number of rows added (for keyed and indexed
// tables: new keys only; existing keys are overwritten). On error dst is
// unchanged. Callers hold dst.Mu for shared tables.
func Append(dst, src *value.Table) (int, error) {
	res, err := merge(dst, src, false)
	return res.Inserted, err
}

// Upsert applies upsert! to a keyed or indexed table: new keys are
// appended, existing keys updated; with ignoreNull, NULL cells leave the
// existing value.
func Upsert(dst, src *value.Table, ignoreNull bool) (Result, error) {
	if !dst.IsKeyed() {
		return Result{}, errNotKeyed
	}
	return merge(dst, src, ignoreNull)
}

func merge(dst, src *value.Table, ignoreNull bool) (Result, error) {
	if dst.ReadOnly {
		return Result{}, ErrReadOnly
	}
	schema := SchemaOf(dst)
	now, stamped := stampOf(dst)
	if stamped {
		schema = schema.withoutLast()
	}
	opts := Memory
	if IsStream(dst) {
		opts.Rules = StreamRules
	}
	conv, err := ConvertTable(schema, src, opts)
	if err == nil && stamped {
		conv, err = addStamp(dst, conv, now)
	}
	if err != nil {
		return Result{}, err
	}
	if err := checkRowCount(dst.Rows(), conv.Rows()); err != nil {
		return Result{}, err
	}
	from := dst.Rows()
	res := Result{Inserted: conv.Rows()}
	switch {
	case dst.KeepFirst && len(dst.LatestCols) > 0:
		res = mergeLatestStream(dst, conv)
	case dst.IsKeyed():
		res = mergeKeyed(dst, conv, ignoreNull)
	default:
		for i, c := range conv.Cols {
			dst.Cols[i].AppendVector(c)
		}
	}
	if err := appended(dst, from); err != nil {
		return Result{}, err
	}
	return res, nil
}

// mergeKeyed applies rows in order: a key already in the table (or added
// earlier in this batch) is overwritten, so the last duplicate wins; only
// keys new to the table are counted as inserted. A KeepFirst table
// (keyedStreamTable) drops such a row instead, and a latest table
// (LatestCols) overwrites only with a time not earlier than the row's.
// The batch's keys are looked up and added at once and its new rows
// appended at once, before the overwrites: each new row is written first
// by the row of its key's first appearance either way.
func mergeKeyed(dst, src *value.Table, ignoreNull bool) Result {
	before := dst.Rows()
	rows := make([]int32, src.Rows())
	first := dst.AddKeys(src, rows, nil)
	appendRows(dst, src, first)
	res := Result{Inserted: len(first)}
	if len(first) == len(rows) {
		return res
	}
	isKey := make([]bool, len(dst.Cols))
	for _, k := range dst.KeyCols {
		isKey[k] = true
	}
	ow := NewOverwrite(dst.Cols)
	defer ow.Apply()
	next := 0 // first[next] is the next row of a new key
	for i, r32 := range rows {
		if next < len(first) && first[next] == i {
			next++
			continue
		}
		r := int(r32)
		if dst.KeepFirst || (len(dst.LatestCols) > 0 && compareTimes(dst, src, i, dst, r) < 0) {
			continue
		}
		// with ignoreNull a row of only NULL values changes nothing and
		// is not counted (funcs/t/tableUpsert.md: 1:2, not 1:3)
		wrote := !ignoreNull
		for c := range dst.Cols {
			if isKey[c] || (ignoreNull && RowIsNull(src.Cols[c], i)) {
				continue
			}
			ow.Set(c, r, src.Cols[c], i)
			wrote = true
		}
		if r < before && wrote {
			res.Updated++
		}
	}
	return res
}

// appendRows appends src's rows at (ascending) to dst, whose key index
// already holds their keys.
func appendRows(dst, src *value.Table, at []int) {
	from := dst.Rows()
	if len(at) == 0 {
		return
	}
	for c, col := range dst.Cols {
		if len(at) == src.Rows() {
			col.AppendVector(src.Cols[c])
		} else {
			col.AppendVector(src.Cols[c].Gather(at))
		}
	}
	dst.KeysAppended(from)
}

// AppendVector appends data (a scalar or vector) to the vector dst in
// place, converting as append! does (x.append!(7.2) appends 7).
func AppendVector(dst *value.Vector, data value.Value) error {
	src, _, ok := value.VectorOf(data)
	if !ok {
		if dst.T == value.Any && data != nil {
			// a tuple takes any object as one element: metacode
			// (whereConditions.append!(<sym in syms>), tutorials/
			// non-standard_permission_management.md), a dictionary, a table
			dst.Any = append(dst.Any, data)
			return nil
		}
		return IncompatibleError(dst.T, data.Type())
	}
	if dst.T == value.Any {
		if src.T == value.Any {
			dst.Any = append(dst.Any, src.Any...)
		} else {
			for i := 0; i < src.Len(); i++ {
				dst.Any = append(dst.Any, src.Elem(i))
			}
		}
		return nil
	}
	if dst.T == value.String && src.T.Category() == value.CatIntegral {
		// a STRING vector takes an integer as its text: x=`C `GS `MS;
		// x.append!(4) gives ["C","GS","MS","4"]
		// (progr/data_types_forms/vector.md)
		conv, err := cast.Vector(src, dst.T, 0)
		if err != nil {
			return err
		}
		dst.AppendVector(conv)
		return nil
	}
	conv, err := ConvertForVector(src, dst.T, dst.Scale)
	if err != nil {
		return err
	}
	dst.AppendVector(conv)
	return nil
}

// checkRowCount refuses an append that would take an in-memory table past
// DolphinDB's 2^31-1 rows.
func checkRowCount(have, add int) error {
	if int64(have)+int64(add) > math.MaxInt32 {
		return ErrTooManyRows
	}
	return nil
}
