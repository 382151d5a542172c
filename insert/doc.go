// Package insert applies DolphinDB's append rules: argument forms of
// tableInsert, column-count checks, implicit type conversion (the
// in-memory rules and the stricter DFS rules), keyed/indexed key handling,
// upsert!, INSERT INTO column lists and the returned counts, with
// DolphinDB's error texts; an insert that fails changes nothing. It also
// owns writing a row of an array vector in place (SetRow, Overwrite) and
// what a NULL row of one is (RowIsNull), for every path that writes or
// tests rows one at a time.
package insert
