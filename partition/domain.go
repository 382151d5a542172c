package partition

import (
	"fmt"
	"strconv"

	"github.com/porpoisedb/porpoise/value"
)

// PartitionType is a DolphinDB partition type, numbered as DolphinDB's
// SEQ/VALUE/RANGE/LIST/COMPO/HASH constants are.
type PartitionType int

// Partition types.
const (
	SEQ   PartitionType = 0
	VALUE PartitionType = 1
	RANGE PartitionType = 2
	LIST  PartitionType = 3
	COMPO PartitionType = 4
	HASH  PartitionType = 5
)

var partitionTypeNames = [...]string{SEQ: "SEQ", VALUE: "VALUE", RANGE: "RANGE", LIST: "LIST", COMPO: "COMPO", HASH: "HASH"}

// String returns the DolphinDB name of the partition type.
func (p PartitionType) String() string {
	if p >= 0 && int(p) < len(partitionTypeNames) {
		return partitionTypeNames[p]
	}
	return "PARTITIONTYPE" + strconv.Itoa(int(p))
}

// Domain is one partitioning scheme (or, for COMPO, a combination of 2 or 3
// of them).
type Domain interface {
	// Type is VALUE, RANGE, HASH, LIST or COMPO.
	Type() PartitionType
	// SchemeType is the type of the scheme's values (Void for COMPO).
	SchemeType() value.Type
	// Map converts col to the scheme type and returns, for each row, the
	// partition index, or -1 when the value lies outside the scheme. It
	// allocates the result and nothing else (COMPO: one scratch slice more).
	// A COMPO domain takes a tuple (ANY vector) holding one column per
	// level; see Compo.MapColumns.
	Map(col *value.Vector) ([]int32, error)
	// Len is the number of partitions.
	Len() int
	// PartitionName is partition i's directory name as DolphinDB creates it
	// with the default ignoreSpecialCharacterInPartitionId=true.
	PartitionName(i int) string
	// DirName is partition i's directory name under the given
	// ignoreSpecialCharacterInPartitionId setting.
	DirName(i int, ignoreSpecial bool) string

	// mapInto writes Map's result for col into out (len(out) == col.Len()).
	mapInto(col *value.Vector, out []int32) error
}

// mapNew is Map for a domain whose mapInto does the work: the result is
// the one allocation.
func mapNew(d Domain, col *value.Vector) ([]int32, error) {
	out := make([]int32, col.Len())
	if err := d.mapInto(col, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Error is a partitioning error carrying DolphinDB's message text and, when
// DolphinDB documents one, its error code (RefId, e.g. "S01001"). Msg is
// the whole text DolphinDB prints, its " RefId: <code>" suffix included
// (spelt as the code's page spells it), so embedded and wire callers see
// the same text.
type Error struct {
	Code string
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Documented errors [D: DolphinDB error-code reference and seeds].
var (
	// ErrValueNull: a NULL in a VALUE partition column (S01001).
	ErrValueNull = &Error{Code: "S01001", Msg: "The column used for value-partitioning cannot contain NULL values. RefId: S01001"}
	// ErrInvisibleChar: a STRING/SYMBOL VALUE partition value containing a
	// byte in 0..32 or 127 (S01018).
	ErrInvisibleChar = &Error{Code: "S01018", Msg: "A STRING or SYMBOL column used for value-partitioning cannot contain invisible characters. RefId:S01018"}
	// ErrRangeOverlap: addRangePartitions with ranges overlapping the
	// existing ones (S01002).
	ErrRangeOverlap = &Error{Code: "S01002", Msg: "Usage: addRangePartitions(dbHandle, newRanges, [level=0], [locations]). The new partition ranges specified in newRanges cannot overlap with the existing partition ranges. RefId: S01002"}
	// ErrNotInScheme: newValuePartitionPolicy=fail and some rows lie
	// outside the VALUE scheme (S01016). Map never returns it; callers
	// applying the policy do.
	ErrNotInScheme = &Error{Code: "S01016", Msg: "Some of the data being written is not defined in the partitioning scheme of the target database. RefId:S01016"}
)

// Errors whose DolphinDB wording we could not find; the texts are our best
// reading of DolphinDB's style [I]. Compare with errors.Is.
var (
	// ErrRangeNotIncreasing: RANGE boundaries not strictly increasing.
	ErrRangeNotIncreasing = &Error{Msg: "The partition scheme of a RANGE domain must be strictly increasing."}
	// ErrRangeTooShort: a RANGE scheme needs at least two boundaries.
	ErrRangeTooShort = &Error{Msg: "The partition scheme of a RANGE domain must contain at least two elements."}
	// ErrSchemeNull: a NULL in a VALUE, RANGE or LIST scheme.
	ErrSchemeNull = &Error{Msg: "The partition scheme cannot contain NULL values."}
	// ErrNewRangesOrder: newRanges of addRangePartitions not ascending.
	ErrNewRangesOrder = &Error{Msg: "Usage: addRangePartitions(dbHandle, newRanges, [level=0], [locations]). The elements in newRanges must be in ascending order."}
	// ErrNewRangesStart: newRanges[0] beyond the last boundary (a gap).
	ErrNewRangesStart = &Error{Msg: "Usage: addRangePartitions(dbHandle, newRanges, [level=0], [locations]). The first element of newRanges must be the same as the last element of the original partition scheme."}
	// ErrHashBuckets: HASH scheme [type, n] with n < 1.
	ErrHashBuckets = &Error{Msg: "The number of partitions of a HASH domain must be a positive integer."}
	// ErrCompoLevels: COMPO with other than 2 or 3 levels, or nested.
	ErrCompoLevels = &Error{Msg: "A COMPO domain must have 2 or 3 levels, none of them COMPO."}
	// ErrCompoColumns: Compo.Map given the wrong number of level columns.
	ErrCompoColumns = &Error{Msg: "The number of partitioning columns must match the number of partition levels."}
	// ErrCategory: the partition column's data category cannot be
	// converted to the scheme's (wording of DolphinDB's C++ API domain).
	ErrCategory = &Error{Msg: "Data category incompatible."}
	// ErrTemporalCast: a temporal partition column that cannot be cast to
	// the scheme's temporal type (wording of DolphinDB's C++ API domain).
	ErrTemporalCast = &Error{Msg: "Can't convert partition column"}
)

// typeNotAllowed is DolphinDB's error for a type that cannot partition:
// "The data type DOUBLE can't be used for a partition column" [D for
// DOUBLE; the same wording for other types is I].
func typeNotAllowed(t value.Type) error {
	return &Error{Msg: fmt.Sprintf("The data type %s can't be used for a partition column", t)}
}

// CheckSchemeType checks that t may be the scheme (partition column) type
// of a domain of partition type p: CHAR, SHORT, INT, DATE, MONTH, TIME,
// MINUTE, SECOND, DATETIME, DATEHOUR, STRING, SYMBOL for every type; HASH
// also LONG, UUID, IPADDR, INT128. It returns
// "The data type X can't be used for a partition column" otherwise.
func CheckSchemeType(p PartitionType, t value.Type) error {
	switch t {
	case value.Char, value.Short, value.Int, value.Date, value.Month, value.Time, value.Minute,
		value.Second, value.DateTime, value.DateHour, value.String, value.Symbol:
		return nil
	case value.Long, value.UUID, value.IPAddr, value.Int128:
		if p == HASH {
			return nil
		}
	}
	return typeNotAllowed(t)
}

// CheckColumnType checks that a partition column of type col can be mapped
// by d (createPartitionedTable's check): the same type; STRING for SYMBOL
// and back; any integral type for an integral scheme; for a temporal scheme
// a temporal column of the same or finer resolution (a MONTH scheme takes
// DATE, DATETIME, TIMESTAMP, NANOTIMESTAMP, DATEHOUR, DATEMINUTE; a DATE
// scheme TIMESTAMP etc.; a time-of-day scheme a finer time-of-day or
// date-time column). For COMPO use Compo.CheckColumnTypes.
func CheckColumnType(d Domain, col value.Type) error {
	if d.Type() == COMPO {
		return ErrCompoColumns
	}
	_, err := converterFor(col, d.SchemeType())
	return err
}

// NewDomain builds a one-level domain from database()'s partitionType and
// partitionScheme: VALUE and RANGE a vector, LIST a tuple of vectors or
// scalars, HASH a two-element vector or tuple [type id, buckets] (DolphinDB
// writes it [INT, 10], INT being the constant 4).
func NewDomain(p PartitionType, scheme *value.Vector) (Domain, error) {
	switch p {
	case VALUE:
		return NewValue(scheme)
	case RANGE:
		return NewRange(scheme)
	case LIST:
		var lists []*value.Vector
		for i, n := 0, scheme.Len(); i < n; i++ {
			switch x := scheme.Elem(i).(type) {
			case *value.Vector:
				lists = append(lists, x)
			case *value.Scalar:
				lists = append(lists, x.Vector())
			default:
				return nil, &Error{Msg: "The partition scheme of a LIST domain must be a tuple of vectors."}
			}
		}
		return NewList(lists)
	case HASH:
		if scheme.Len() != 2 {
			return nil, &Error{Msg: "The partition scheme of a HASH domain must be a tuple of a data type and the number of partitions."}
		}
		var nums [2]int64
		for i := 0; i < 2; i++ {
			s, ok := scheme.Elem(i).(*value.Scalar)
			if !ok {
				return nil, &Error{Msg: "The partition scheme of a HASH domain must be a tuple of a data type and the number of partitions."}
			}
			n, ok := s.Int64()
			if !ok {
				return nil, &Error{Msg: "The partition scheme of a HASH domain must be a tuple of a data type and the number of partitions."}
			}
			nums[i] = n
		}
		if nums[0] < 0 || nums[0] > 255 {
			return nil, &Error{Msg: "The partition scheme of a HASH domain must be a tuple of a data type and the number of partitions."}
		}
		if nums[1] < 1 || nums[1] > 1<<31-1 {
			return nil, ErrHashBuckets
		}
		return NewHash(value.Type(nums[0]), int(nums[1]))
	}
	return nil, &Error{Msg: "Unsupported partition type " + p.String()}
}
