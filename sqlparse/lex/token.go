package lex

// TokenKind classifies a Token.
type TokenKind int

// Token kinds.
const (
	// TokEOF ends every token stream.
	TokEOF TokenKind = iota
	// TokNewline is a line break that may end a statement. Line breaks
	// inside ( ) and [ ] are not reported; runs of line breaks (and the
	// comments between them) give one token.
	TokNewline
	// TokIdent is an identifier or keyword (keywords are not reserved by the
	// lexer). A trailing '!' (append!) is part of the identifier.
	TokIdent
	// TokInt is an integer literal; Text holds the digits, Suffix the type
	// letter(s), Type the type the suffix denotes.
	TokInt
	// TokFloat is a floating-point literal.
	TokFloat
	// TokString is a string literal; Text is the decoded value.
	TokString
	// TokChar is a one-character single-quoted literal; Text is the
	// decoded character.
	TokChar
	// TokSymbol is a single backtick word `abc; Text is "abc".
	TokSymbol
	// TokSymbolVector is a run of backtick words `a`b`c; Items holds the
	// words.
	TokSymbolVector
	// TokTemporal is a date/time literal; Text is the literal without its
	// suffix (with a date-space-time separator normalised to 'T'), Type the
	// DolphinDB type.
	TokTemporal
	// TokNull is a typed null such as 00i: Text "00", Suffix "i",
	// Type "INT".
	TokNull
	// TokOp is an operator or punctuation; Text is its spelling.
	TokOp
	// TokHint is the [HINT_...] after select or exec (hints.go); Text is
	// the flags' number.
	TokHint
)

// String returns a short name of the kind.
func (k TokenKind) String() string {
	switch k {
	case TokEOF:
		return "EOF"
	case TokNewline:
		return "NEWLINE"
	case TokIdent:
		return "IDENT"
	case TokInt:
		return "INT"
	case TokFloat:
		return "FLOAT"
	case TokString:
		return "STRING"
	case TokChar:
		return "CHAR"
	case TokSymbol:
		return "SYMBOL"
	case TokSymbolVector:
		return "SYMBOLVECTOR"
	case TokTemporal:
		return "TEMPORAL"
	case TokNull:
		return "NULL"
	case TokOp:
		return "OP"
	case TokHint:
		return "HINT"
	}
	return "?"
}

// IsLiteral reports whether tokens of kind k are literals (numbers,
// strings, characters, symbols, temporals, typed NULLs).
func (k TokenKind) IsLiteral() bool {
	switch k {
	case TokInt, TokFloat, TokString, TokChar, TokSymbol, TokSymbolVector, TokTemporal, TokNull:
		return true
	}
	return false
}

// Token is one lexical token.
type Token struct {
	Kind   TokenKind
	Text   string   // see TokenKind
	Suffix string   // literal type suffix as written ("" if none)
	Type   string   // DolphinDB type name the literal denotes ("" if not known)
	Items  []string // words of a TokSymbolVector
	Raw    string   // the source text of the token
	Pos    Pos      // position of the first byte
	Space  bool     // whitespace or a comment precedes the token on its line
}
