// Package textio reads and writes DolphinDB's delimited text files: the
// loadText family (loadText, ploadText, loadTextEx, extractTextSchema),
// saveText/saveTextFile and the fixed-length binary loadRecord. It splits
// records, infers column types from a sample as DolphinDB documents
// (header detection, dates without separators, thousands separators,
// SYMBOL for repetitive text) and parses each column straight into its
// typed slice, with no per-cell boxing.
package textio
