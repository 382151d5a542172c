package value

import (
	"fmt"
	"strings"
)

// Type is a DolphinDB data type id, as it appears on the wire.
type Type uint8

// DolphinDB type ids.
const (
	Void          Type = 0
	Bool          Type = 1
	Char          Type = 2
	Short         Type = 3
	Int           Type = 4
	Long          Type = 5
	Date          Type = 6
	Month         Type = 7
	Time          Type = 8
	Minute        Type = 9
	Second        Type = 10
	DateTime      Type = 11
	Timestamp     Type = 12
	NanoTime      Type = 13
	NanoTimestamp Type = 14
	Float         Type = 15
	Double        Type = 16
	Symbol        Type = 17
	String        Type = 18
	UUID          Type = 19
	FunctionDef   Type = 20
	Handle        Type = 21
	Code          Type = 22
	DataSource    Type = 23
	Resource      Type = 24
	Any           Type = 25
	Compress      Type = 26
	AnyDictionary Type = 27
	DateHour      Type = 28
	DateMinute    Type = 29
	IPAddr        Type = 30
	Int128        Type = 31
	Blob          Type = 32
	Complex       Type = 34
	Point         Type = 35
	Duration      Type = 36
	Decimal32     Type = 37
	Decimal64     Type = 38
	Decimal128    Type = 39
	// IOTAny is an IOTDB table's column whose rows hold scalars of
	// different types (db_distr_comp/db/iotdb.md); stored as Any is.
	IOTAny Type = 41
	// ArrayOffset is added to an element type to name its array-vector type
	// (INT[] is 68).
	ArrayOffset Type = 64
	// SymbolExtended is the wire type of a symbol vector sent with a base.
	SymbolExtended Type = 145
)

// Category groups types the way DolphinDB's conversion rules do.
type Category uint8

// Type categories.
const (
	CatNothing Category = iota
	CatLogical
	CatIntegral
	CatFloating
	CatTemporal
	CatLiteral
	CatBinary
	CatDecimal
	CatMixed
	CatSystem
	CatDenary
)

var typeNames = map[Type]string{
	Void: "VOID", Bool: "BOOL", Char: "CHAR", Short: "SHORT", Int: "INT", Long: "LONG",
	Date: "DATE", Month: "MONTH", Time: "TIME", Minute: "MINUTE", Second: "SECOND",
	DateTime: "DATETIME", Timestamp: "TIMESTAMP", NanoTime: "NANOTIME", NanoTimestamp: "NANOTIMESTAMP",
	Float: "FLOAT", Double: "DOUBLE", Symbol: "SYMBOL", String: "STRING", UUID: "UUID",
	FunctionDef: "FUNCTIONDEF", Handle: "HANDLE", Code: "CODE", DataSource: "DATASOURCE",
	Resource: "RESOURCE", Any: "ANY", Compress: "COMPRESSED", AnyDictionary: "DICTIONARY",
	DateHour: "DATEHOUR", DateMinute: "DATEMINUTE", IPAddr: "IPADDR", Int128: "INT128", Blob: "BLOB",
	Complex: "COMPLEX", Point: "POINT", Duration: "DURATION",
	Decimal32: "DECIMAL32", Decimal64: "DECIMAL64", Decimal128: "DECIMAL128", IOTAny: "IOTANY",
}

var namedTypes = func() map[string]Type {
	m := make(map[string]Type, len(typeNames))
	for t, n := range typeNames {
		m[n] = t
	}
	m["COMPRESS"] = Compress
	return m
}()

// TypeByName resolves an upper-case DolphinDB type name such as "INT" or
// "INT[]".
func TypeByName(name string) (Type, bool) {
	if base, ok := strings.CutSuffix(name, "[]"); ok {
		t, ok := namedTypes[base]
		return t + ArrayOffset, ok
	}
	t, ok := namedTypes[name]
	return t, ok
}

// Known reports whether t is one of DolphinDB's types (or an array
// vector of one), which a type id must be before anything builds it.
func (t Type) Known() bool {
	_, ok := typeNames[t.Elem()]
	return ok
}

// String returns the DolphinDB name of the type (INT, SYMBOL, INT[] ...).
func (t Type) String() string {
	if t.IsArray() {
		return t.Elem().String() + "[]"
	}
	if n, ok := typeNames[t]; ok {
		return n
	}
	return fmt.Sprintf("TYPE%d", uint8(t))
}

// IsArray reports whether t is an array-vector type (64+elem).
func (t Type) IsArray() bool { return t >= ArrayOffset && t < ArrayOffset+64 }

// Elem is the element type of an array-vector type, or t itself.
func (t Type) Elem() Type {
	if t.IsArray() {
		return t - ArrayOffset
	}
	return t
}

// Category returns the type's category.
func (t Type) Category() Category {
	switch t.Elem() {
	case Void:
		return CatNothing
	case Bool:
		return CatLogical
	case Char, Short, Int, Long:
		return CatIntegral
	case Float, Double:
		return CatFloating
	case Date, Month, Time, Minute, Second, DateTime, Timestamp, NanoTime, NanoTimestamp, DateHour, DateMinute:
		return CatTemporal
	case Symbol, String, Blob:
		return CatLiteral
	case UUID, IPAddr, Int128:
		return CatBinary
	case Decimal32, Decimal64, Decimal128:
		return CatDecimal
	case Any, IOTAny:
		return CatMixed
	case Complex, Point:
		return CatBinary
	}
	return CatSystem
}

// IsTemporal reports whether t is a temporal type.
func (t Type) IsTemporal() bool { return t.Category() == CatTemporal }

// IsNumeric reports whether t is logical, integral, floating or decimal.
func (t Type) IsNumeric() bool {
	switch t.Category() {
	case CatLogical, CatIntegral, CatFloating, CatDecimal:
		return true
	}
	return false
}

// IsDecimal reports whether t is DECIMAL32/64/128.
func (t Type) IsDecimal() bool { return t.Category() == CatDecimal }

// MaxScale is the largest scale a DECIMAL type takes: 9 for DECIMAL32, 18
// for DECIMAL64, 38 for DECIMAL128.
func (t Type) MaxScale() int {
	switch t {
	case Decimal32:
		return 9
	case Decimal64:
		return 18
	}
	return 38
}

// Storage is the physical representation of a type's elements in a Vector.
type Storage uint8

// Physical representations.
const (
	StNone  Storage = iota
	StInt8          // BOOL, CHAR
	StInt16         // SHORT
	StInt32         // INT, DATE, MONTH, TIME, MINUTE, SECOND, DATETIME, DATEHOUR, DECIMAL32
	StInt64         // LONG, TIMESTAMP, NANOTIME, NANOTIMESTAMP, DECIMAL64
	StFloat32
	StFloat64
	StString // SYMBOL, STRING, BLOB
	StBytes16
	StAny // ANY: each element a Value
	StPair2F64
)

// Storage returns how elements of t are stored.
func (t Type) Storage() Storage {
	switch t.Elem() {
	case Bool, Char, Void, Compress:
		// a VOID vector is a run of NULLs, one byte each as on the wire;
		// a COMPRESSED vector (compress()) holds its encoded bytes
		return StInt8
	case Short:
		return StInt16
	case Int, Date, Month, Time, Minute, Second, DateTime, DateHour, DateMinute, Decimal32:
		return StInt32
	case Long, Timestamp, NanoTime, NanoTimestamp, Decimal64, Duration:
		return StInt64
	case Float:
		return StFloat32
	case Double:
		return StFloat64
	case Symbol, String, Blob, FunctionDef, Handle, Code:
		return StString
	case UUID, IPAddr, Int128, Decimal128:
		return StBytes16
	case Complex, Point:
		return StPair2F64
	case Any, IOTAny:
		return StAny
	}
	return StNone
}

// Form is a DolphinDB data form id.
type Form uint8

// DolphinDB data forms.
const (
	FormScalar     Form = 0
	FormVector     Form = 1
	FormPair       Form = 2
	FormMatrix     Form = 3
	FormSet        Form = 4
	FormDictionary Form = 5
	FormTable      Form = 6
	FormChart      Form = 7
	FormChunk      Form = 8
	FormSysObj     Form = 9
	FormTensor     Form = 10 // package value/tensor
)

var formNames = [...]string{"SCALAR", "VECTOR", "PAIR", "MATRIX", "SET", "DICTIONARY", "TABLE", "CHART", "CHUNK", "SYSOBJ", "TENSOR"}

// String returns the DolphinDB name of the form.
func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("FORM%d", uint8(f))
}

// NULL sentinels as DolphinDB stores them.
const (
	NullInt8  int8  = -128
	NullInt16 int16 = -32768
	NullInt32 int32 = -2147483648
	NullInt64 int64 = -9223372036854775808
)

// NullFloat32 and NullFloat64 are DolphinDB's FLOAT and DOUBLE NULLs
// (-FLT_MAX and -DBL_MAX).
const (
	NullFloat32 float32 = -3.40282346638528859811704183484516925440e+38
	NullFloat64 float64 = -1.797693134862315708145274237317043567981e+308
)

// iotAt is element i of an IOTANY vector; ok is false for another vector.
func (v *Vector) iotAt(i int) (s *Scalar, ok bool) {
	if v.T == IOTAny {
		s, ok = v.Any[i].(*Scalar)
	}
	return s, ok
}
