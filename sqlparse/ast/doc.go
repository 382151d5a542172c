// Package ast declares the syntax tree of DolphinDB script that package
// sqlparse builds: statement and expression nodes, each with the position
// of its first token. It holds no parsing; callers that walk or evaluate
// the tree import it, and only those that parse text import sqlparse.
package ast
