// Package iotdb is the IOTDB engine's per-table state on top of a TSDB
// table (db_distr_comp/db/iotdb.md): the IOTANY column's representation
// in storage, the static tables that give each point (a combination of
// the sort columns before the time column) an inner id and its IOTANY
// value type, the checks create table and appends make, and which
// optimization a latest-value query (context by the first sort columns,
// csort the last, limit -1) is served by.
//
// An IOTANY column is stored as a STRING column whose element holds the
// value's type id in its first byte and the value's text after it, so a
// chunk keeps its values' types without a column kind of its own; reads
// turn it back into an IOTANY vector of scalars.
package iotdb
