// Package lex splits DolphinDB script text into tokens (literals classified
// with their DolphinDB types, operators, identifiers, statement-ending line
// breaks), knows the reserved words, the adverbs and the tokens opening a
// braced lambda (words.go), folds the
// optimizer hints after select/exec into one token (hints.go), and owns
// the source positions and syntax errors that the parser shares. It knows
// no grammar beyond what tokenising needs and imports only the standard
// library.
package lex
