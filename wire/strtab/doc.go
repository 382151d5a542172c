// Package strtab makes the strings of decoded text columns for the wire
// reader: texts copied into shared append-only chunks, and repeated texts
// found through a small cache so that a column of few distinct texts costs
// few copies.
package strtab
