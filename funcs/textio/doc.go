// Package textio reads and writes DolphinDB's delimited text files: the
// loadText family (loadText, ploadText, loadTextEx, extractTextSchema),
// saveText/saveTextFile, the fixed-length binary loadRecord and
// textChunkDS, which splits a file at line ends into data sources. It splits
// records, infers column types from a sample as DolphinDB documents
// (header detection, dates without separators, thousands separators,
// SYMBOL for repetitive text) and parses each column straight into its
// typed slice, with no per-cell boxing.
package textio
