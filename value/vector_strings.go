package value

// The string accessors are how code outside this file reads a STRING,
// SYMBOL or BLOB vector's elements: SYMBOL is to become int32 codes into a
// shared symbol base (see "SYMBOL as dictionary codes" in doc.go), and
// readers that go through these keep working when it does.

// StrAt returns element i of a STRING, SYMBOL or BLOB vector ("" when
// NULL).
func (v *Vector) StrAt(i int) string { return v.Str[i] }

// Strings returns the elements of a STRING, SYMBOL or BLOB vector. The
// slice may be the vector's own storage: callers read it and never modify
// it.
func (v *Vector) Strings() []string { return v.Str }
