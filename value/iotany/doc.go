// Package iotany computes on IOTANY vectors (db_distr_comp/db/iotdb.md,
// IOTANY 列计算示例): an operator or element-wise function runs once per
// value type over a typed vector of that type's rows, and an aggregate
// or any other function that wants its argument plain gets the column as
// one typed vector when its values share a type, else as the ANY vector
// of its scalars.
package iotany
