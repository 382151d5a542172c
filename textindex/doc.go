// Package textindex is TextDB's text index (db_distr_comp/db/textdb.md):
// the textindex(parser=..., full=..., lowercase=..., stem=...) spec a
// PKEY table's createPartitionedTable declares on a STRING column, the
// analyzer that spec names (words split on spaces and punctuation, or
// CJK bigrams, lowercased, English stop words dropped, Porter2-stemmed),
// Jieba's words for chinese (package textindex/jieba, which a program
// imports for it), and the match functions (matchAll, matchAny,
// matchPhrase, ...) that a query's where clause applies to such a column. The functions are
// registered here; run anywhere but a where clause on an indexed column
// they fail, as DolphinDB's do.
//
// Porpoise keeps no inverted index: a match tokenizes the column's rows
// it is given (once per distinct string of a coded column) and answers
// from the tokens, which gives the index's answers without its files.
package textindex
