package lex

import "fmt"

// Pos is a source position. Line and Col are 1-based; Col counts characters
// (runes) from the start of the line.
type Pos struct{ Line, Col int }

// Error is a syntax error found while lexing or parsing. Its Error text
// follows DolphinDB's style, e.g.
//
//	Syntax Error: [line #2] Cannot recognize the token xx (column 5)
type Error struct {
	Pos Pos
	Msg string
	// Internal marks an error made from a panic inside the lexer or
	// parser: a bug of ours, reported to the caller instead of crashing
	// it, and failed on by the fuzz tests.
	Internal bool
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Pos.Col == 0 { // DolphinDB names no column for some errors (top.md)
		return fmt.Sprintf("Syntax Error: [line #%d] %s", e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("Syntax Error: [line #%d] %s (column %d)", e.Pos.Line, e.Msg, e.Pos.Col)
}
