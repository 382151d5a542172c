package lex

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lex splits src into tokens. The result always ends with a TokEOF token.
func Lex(src string) (toks []Token, err error) { return LexWith(src, Options{}) }

// Options change how text is split.
type Options struct {
	// DashComments makes -- start a comment to the end of the line, as
	// in Oracle's SQL (instead of DolphinDB's x-- decrement).
	DashComments bool
}

// LexWith is Lex with options.
func LexWith(src string, o Options) (toks []Token, err error) {
	lx := &lexer{src: src, line: 1, lineStart: 0, dashComments: o.DashComments}
	defer func() {
		if r := recover(); r != nil {
			toks, err = nil, &Error{Pos: Pos{Line: lx.line, Col: 1}, Msg: fmt.Sprintf("Internal lexer error: %v", r), Internal: true}
		}
	}()
	if toks, err = lx.run(); err != nil {
		return nil, err
	}
	return foldHints(toks)
}

type lexer struct {
	src       string
	i         int
	line      int
	lineStart int
	toks      []Token
	stack     []byte // open brackets
	space     bool
	// dashComments is Options.DashComments.
	dashComments bool
	// column cache for pos
	colLine, colStart, colByte, col int
}

// pos returns the position of byte offset i on the current line. Columns
// count characters (runes), so they are computed incrementally.
func (lx *lexer) pos(i int) Pos {
	if lx.colLine != lx.line || lx.colStart != lx.lineStart || i < lx.colByte {
		lx.colLine, lx.colStart, lx.colByte, lx.col = lx.line, lx.lineStart, lx.lineStart, 1
	}
	if i > len(lx.src) {
		i = len(lx.src)
	}
	lx.col += utf8.RuneCountInString(lx.src[lx.colByte:i])
	lx.colByte = i
	return Pos{Line: lx.line, Col: lx.col}
}

func (lx *lexer) errAt(i int, msg string) *Error {
	return &Error{Pos: lx.pos(i), Msg: msg}
}

func (lx *lexer) emit(t Token) {
	t.Space = lx.space
	lx.space = false
	lx.toks = append(lx.toks, t)
}

func (lx *lexer) suppressNewline() bool {
	if n := len(lx.stack); n > 0 {
		c := lx.stack[n-1]
		return c == '(' || c == '['
	}
	return false
}

// prevValueEnd reports whether the previous token ends an operand and is
// directly adjacent to position i (used to tell member access d.2 from .2).
func (lx *lexer) prevValueEnd() bool {
	if lx.space || len(lx.toks) == 0 {
		return false
	}
	t := lx.toks[len(lx.toks)-1]
	if t.Kind == TokIdent || t.Kind.IsLiteral() {
		return true
	}
	return t.Kind == TokOp && (t.Text == ")" || t.Text == "]" || t.Text == "}")
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isHex(c byte) bool      { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') }
func isASCIILet(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// identRuneAt reports whether an identifier character starts at i, and its
// byte length.
func (lx *lexer) identRuneAt(i int, first bool) (bool, int) {
	if i >= len(lx.src) {
		return false, 0
	}
	c := lx.src[i]
	if c < utf8.RuneSelf {
		if isASCIILet(c) || c == '_' || (!first && isDigit(c)) {
			return true, 1
		}
		return false, 0
	}
	r, n := utf8.DecodeRuneInString(lx.src[i:])
	if r == utf8.RuneError {
		return false, 0
	}
	if unicode.IsLetter(r) || (!first && (unicode.IsDigit(r) || unicode.IsMark(r))) {
		return true, n
	}
	return false, 0
}

func (lx *lexer) run() ([]Token, error) {
	src := lx.src
	for lx.i < len(src) {
		c := src[lx.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			lx.i++
			lx.space = true
		case c == '\n':
			if !lx.suppressNewline() && len(lx.toks) > 0 && lx.toks[len(lx.toks)-1].Kind != TokNewline {
				lx.space = false
				lx.emit(Token{Kind: TokNewline, Text: "\n", Raw: "\n", Pos: lx.pos(lx.i)})
			}
			lx.i++
			lx.line++
			lx.lineStart = lx.i
			lx.space = false
		case c == '/' && lx.i+1 < len(src) && src[lx.i+1] == '/',
			lx.dashComments && c == '-' && lx.i+1 < len(src) && src[lx.i+1] == '-':
			for lx.i < len(src) && src[lx.i] != '\n' {
				lx.i++
			}
			lx.space = true
		case c == '/' && lx.i+1 < len(src) && src[lx.i+1] == '*':
			start := lx.i
			startPos := lx.pos(start)
			lx.i += 2
			closed := false
			for lx.i < len(src) {
				if src[lx.i] == '*' && lx.i+1 < len(src) && src[lx.i+1] == '/' {
					lx.i += 2
					closed = true
					break
				}
				if src[lx.i] == '\n' {
					lx.line++
					lx.lineStart = lx.i + 1
				}
				lx.i++
			}
			if !closed {
				return nil, &Error{Pos: startPos, Msg: "The comment is not terminated. Expecting */"}
			}
			lx.space = true
		case isDigit(c) || (c == '.' && lx.i+1 < len(src) && isDigit(src[lx.i+1]) && !lx.prevValueEnd()):
			if err := lx.number(); err != nil {
				return nil, err
			}
		case c == '"' || c == '\'':
			if err := lx.str(c); err != nil {
				return nil, err
			}
		case c == '`':
			lx.symbol()
		default:
			if ok, _ := lx.identRuneAt(lx.i, true); ok {
				lx.ident()
				continue
			}
			if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(src[lx.i:])
				tok := string(r)
				if r == utf8.RuneError {
					tok = src[lx.i : lx.i+n]
				}
				return nil, lx.errAt(lx.i, "Cannot recognize the token "+tok)
			}
			if err := lx.op(); err != nil {
				return nil, err
			}
		}
	}
	lx.space = false
	lx.emit(Token{Kind: TokEOF, Pos: lx.pos(lx.i)})
	return lx.toks, nil
}

func (lx *lexer) ident() {
	start := lx.i
	// _$name and _$$names are SQL macro variables, one identifier
	// (progr/macrovariations.md)
	if strings.HasPrefix(lx.src[start:], "_$") {
		k := 2
		if strings.HasPrefix(lx.src[start+2:], "$") {
			k = 3
		}
		if ok, _ := lx.identRuneAt(start+k, true); ok {
			lx.i = start + k
		}
	}
	for {
		ok, n := lx.identRuneAt(lx.i, lx.i == start)
		if !ok {
			break
		}
		lx.i += n
	}
	if lx.i < len(lx.src) && lx.src[lx.i] == '!' && (lx.i+1 >= len(lx.src) || lx.src[lx.i+1] != '=') {
		lx.i++
	}
	text := lx.src[start:lx.i]
	lx.emit(Token{Kind: TokIdent, Text: text, Raw: text, Pos: lx.pos(start)})
}

// numeric suffix letters and the types they denote on plain numbers.
var numSuffixType = map[string]string{
	"c": "CHAR", "b": "BOOL", "h": "SHORT", "i": "INT", "l": "LONG", "f": "FLOAT", "F": "DOUBLE",
	"P": "DECIMAL64",
}

// temporal suffix letters and the types they denote on typed nulls and
// temporal literals.
var temporalSuffixType = map[string]string{
	"d": "DATE", "M": "MONTH", "t": "TIME", "m": "MINUTE", "s": "SECOND", "D": "DATETIME",
	"T": "TIMESTAMP", "n": "NANOTIME", "N": "NANOTIMESTAMP", "H": "DATEHOUR",
}

// duration units accepted after an integer (3d, 5m, 10ms, ...).
var durationUnits = map[string]bool{
	"y": true, "M": true, "w": true, "d": true, "B": true, "H": true, "m": true, "s": true,
	"ms": true, "us": true, "ns": true,
}

func (lx *lexer) digits(i int) int {
	for i < len(lx.src) && isDigit(lx.src[i]) {
		i++
	}
	return i
}

// twoDigits reports whether exactly two digits start at i.
func (lx *lexer) twoDigits(i int) bool {
	return i+1 < len(lx.src) && isDigit(lx.src[i]) && isDigit(lx.src[i+1]) &&
		(i+2 >= len(lx.src) || !isDigit(lx.src[i+2]))
}

// identContinues reports whether an identifier character is at i.
func (lx *lexer) identContinues(i int) bool {
	ok, _ := lx.identRuneAt(i, false)
	return ok
}

// letters returns the end of the run of ASCII letters starting at i.
func (lx *lexer) letters(i int) int {
	for i < len(lx.src) && isASCIILet(lx.src[i]) {
		i++
	}
	return i
}

// timeTail scans ":mm[:ss[.frac]]" after an hour at i (which points at
// ':'); it returns the end, the number of colon groups scanned (1 or 2)
// and the number of fraction digits. groups is 0 if no ":mm" follows.
func (lx *lexer) timeTail(i int) (end, groups, frac int) {
	end = i
	if end < len(lx.src) && lx.src[end] == ':' && lx.twoDigits(end+1) {
		end += 3
		groups = 1
		if end < len(lx.src) && lx.src[end] == ':' && lx.twoDigits(end+1) {
			end += 3
			groups = 2
			if end+1 < len(lx.src) && lx.src[end] == '.' && isDigit(lx.src[end+1]) {
				e := lx.digits(end + 1)
				frac = e - end - 1
				end = e
			}
		}
	}
	return
}

// temporalSuffix checks for an optional single temporal suffix letter at i
// that is not followed by further identifier characters.
func (lx *lexer) temporalSuffix(i int) (string, int) {
	if i < len(lx.src) && isASCIILet(lx.src[i]) && !lx.identContinues(i+1) {
		s := lx.src[i : i+1]
		if _, ok := temporalSuffixType[s]; ok {
			return s, i + 1
		}
	}
	return "", i
}

// byPrecision picks the type of a time of day by its fraction digits:
// seconds, milliseconds (up to 3 digits) or nanoseconds.
func byPrecision(frac int, sec, milli, nano string) string {
	switch {
	case frac == 0:
		return sec
	case frac <= 3:
		return milli
	}
	return nano
}

func (lx *lexer) emitTemporal(start, end int, text, typ, suffix string) {
	if suffix != "" {
		typ = temporalSuffixType[suffix]
	}
	lx.emit(Token{Kind: TokTemporal, Text: text, Suffix: suffix, Type: typ, Raw: lx.src[start:end], Pos: lx.pos(start)})
	lx.i = end
}

func (lx *lexer) number() error {
	src := lx.src
	start := lx.i
	// hexadecimal
	if src[start] == '0' && start+2 < len(src) && (src[start+1] == 'x' || src[start+1] == 'X') && isHex(src[start+2]) {
		i := start + 2
		for i < len(src) && isHex(src[i]) {
			i++
		}
		end := i
		suffix := ""
		if i < len(src) && (src[i] == 'l' || src[i] == 'h' || src[i] == 'i' || src[i] == 'c') && !lx.identContinues(i+1) {
			suffix = src[i : i+1]
			end = i + 1
		}
		if lx.identContinues(end) {
			return lx.errAt(start, "Cannot recognize the token "+lx.badWord(start))
		}
		lx.emit(Token{Kind: TokInt, Text: src[start:i], Suffix: suffix, Type: numSuffixType[suffix], Raw: src[start:end], Pos: lx.pos(start)})
		lx.i = end
		return nil
	}
	d1 := lx.digits(start)
	nd1 := d1 - start

	// time literals: hh:mm:ss[.frac], hh:mm followed by m
	if nd1 == 2 && d1 < len(src) && src[d1] == ':' {
		end, groups, frac := lx.timeTail(d1)
		switch {
		case groups == 2:
			suffix, e := lx.temporalSuffix(end)
			lx.emitTemporal(start, e, src[start:end], byPrecision(frac, "SECOND", "TIME", "NANOTIME"), suffix)
			return nil
		case groups == 1 && end < len(src) && src[end] == 'm' && !lx.identContinues(end+1):
			lx.emitTemporal(start, end+1, src[start:end], "MINUTE", "m")
			return nil
		}
	}

	// dates and months: yyyy.mm.dd, yyyy.mmM
	if nd1 == 4 && d1 < len(src) && src[d1] == '.' && lx.twoDigits(d1+1) {
		m := d1 + 3
		if m < len(src) && src[m] == 'M' && !lx.identContinues(m+1) {
			lx.emitTemporal(start, m+1, src[start:m], "MONTH", "M")
			return nil
		}
		if m < len(src) && src[m] == '.' && lx.twoDigits(m+1) {
			dateEnd := m + 3
			// date T time
			if dateEnd < len(src) && src[dateEnd] == 'T' && lx.twoDigits(dateEnd+1) {
				h := dateEnd + 3
				end, groups, frac := lx.timeTail(h)
				typ := "DATEHOUR"
				if groups > 0 {
					typ = byPrecision(frac, "DATETIME", "TIMESTAMP", "NANOTIMESTAMP")
				}
				suffix, e := lx.temporalSuffix(end)
				lx.emitTemporal(start, e, src[start:end], typ, suffix)
				return nil
			}
			// date SPACE hh:mm:ss
			j := dateEnd
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			if j > dateEnd && lx.twoDigits(j) {
				end, groups, frac := lx.timeTail(j + 2)
				if groups == 2 {
					suffix, e := lx.temporalSuffix(end)
					text := src[start:dateEnd] + "T" + src[j:end]
					lx.emitTemporal(start, e, text, byPrecision(frac, "DATETIME", "TIMESTAMP", "NANOTIMESTAMP"), suffix)
					return nil
				}
			}
			suffix, e := lx.temporalSuffix(dateEnd)
			lx.emitTemporal(start, e, src[start:dateEnd], "DATE", suffix)
			return nil
		}
	}

	// plain numbers
	i := d1
	isFloat := false
	if i < len(src) && src[i] == '.' {
		if i+1 < len(src) && isDigit(src[i+1]) {
			i = lx.digits(i + 1)
			isFloat = true
		} else if i+1 >= len(src) || (src[i+1] != '.' && !lx.identContinues(i+1)) {
			if nd1 > 0 {
				i++ // "1." is a float
				isFloat = true
			}
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(src[j]) {
			i = lx.digits(j)
			isFloat = true
		}
	}
	text := src[start:i]
	end := i
	suffix := ""
	if i < len(src) && isASCIILet(src[i]) {
		e := lx.letters(i)
		suffix = src[i:e]
		end = e
	}
	if lx.identContinues(end) {
		return lx.errAt(start, "Cannot recognize the token "+lx.badWord(start))
	}
	tok := Token{Kind: TokInt, Text: text, Suffix: suffix, Raw: src[start:end], Pos: lx.pos(start)}
	if isFloat {
		tok.Kind = TokFloat
	}
	if suffix != "" {
		switch {
		case text == "00" && (numSuffixType[suffix] != "" || temporalSuffixType[suffix] != ""):
			tok.Kind = TokNull
			tok.Type = numSuffixType[suffix]
			if tok.Type == "" {
				tok.Type = temporalSuffixType[suffix]
			}
		case numSuffixType[suffix] != "":
			tok.Type = numSuffixType[suffix]
		case !isFloat && durationUnits[suffix]:
			tok.Type = "DURATION"
		default:
			return lx.errAt(start, "Cannot recognize the token "+lx.badWord(start))
		}
	}
	lx.emit(tok)
	lx.i = end
	return nil
}

// badWord returns the run of word characters starting at i, for messages.
func (lx *lexer) badWord(i int) string {
	j := i
	for j < len(lx.src) && j-i < 64 {
		c := lx.src[j]
		if isDigit(c) || isASCIILet(c) || c == '_' || c == '.' {
			j++
			continue
		}
		break
	}
	if j == i {
		j = i + 1
	}
	return lx.src[i:j]
}

func (lx *lexer) str(q byte) error {
	src := lx.src
	start := lx.i
	startPos := lx.pos(start)
	startLine, startLineStart := lx.line, lx.lineStart
	var b strings.Builder
	i := start + 1
	for {
		if i >= len(src) {
			lx.line, lx.lineStart = startLine, startLineStart
			return &Error{Pos: startPos, Msg: "The string literal is not terminated. Expecting " + string(q)}
		}
		c := src[i]
		if c == q {
			i++
			break
		}
		if c == '\\' && i+1 < len(src) {
			e := src[i+1]
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '0':
				b.WriteByte(0)
			case '\\', '"', '\'':
				b.WriteByte(e)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
			if e == '\n' {
				lx.line++
				lx.lineStart = i + 2
			}
			i += 2
			continue
		}
		if c == '\n' {
			lx.line++
			lx.lineStart = i + 1
		}
		b.WriteByte(c)
		i++
	}
	text := b.String()
	kind := TokString
	if q == '\'' && utf8.RuneCountInString(text) == 1 {
		kind = TokChar
	}
	// the token's position is where it starts; line bookkeeping already
	// advanced past embedded newlines.
	lx.emit(Token{Kind: kind, Text: text, Raw: src[start:i], Pos: startPos})
	lx.i = i
	return nil
}

func (lx *lexer) symbol() {
	src := lx.src
	start := lx.i
	var items []string
	i := start
	for i < len(src) && src[i] == '`' {
		j := i + 1
		for {
			ok, n := lx.identRuneAt(j, false)
			if !ok {
				// `10.9, `v1.2, `600000.SH`000001.SZ
				// (tutorials/ddb_sql_cases.md), `USD.CNY
				// (tutorials/FxSwapValuation.md) and
				// `Matrikon.OPC.Simulation.1 (plugins/opc/opc.md): a dot
				// followed by a letter or digit stays in the symbol.
				if j > i+1 && j+1 < len(src) && src[j] == '.' &&
					(isDigit(src[j+1]) || isASCIILet(src[j+1])) {
					j++
					continue
				}
				break
			}
			j += n
		}
		items = append(items, src[i+1:j])
		i = j
	}
	tok := Token{Kind: TokSymbol, Raw: src[start:i], Pos: lx.pos(start)}
	if len(items) == 1 {
		tok.Text = items[0]
	} else {
		tok.Kind = TokSymbolVector
		tok.Items = items
	}
	lx.emit(tok)
	lx.i = i
}

var ops2 = []string{
	"<<", ">>", "<=", ">=", "==", "!=", "<>", "&&", "||", "->", "<-", "**",
	"+=", "-=", "*=", "/=", "..", "++", "--",
}

const ops1 = "+-*/%\\^&|!~<>=:$,;()[]{}.?@"

// columnRangeDots reports whether the dots at i join two column names, as
// in select price1...price5 (Select.md usage 4): a digit ends the name
// before them and a name starts right after.
func (lx *lexer) columnRangeDots(i int) bool {
	if i == 0 || !isDigit(lx.src[i-1]) || len(lx.toks) == 0 || lx.toks[len(lx.toks)-1].Kind != TokIdent {
		return false
	}
	ok, _ := lx.identRuneAt(i+3, true)
	return ok
}

func (lx *lexer) op() error {
	src := lx.src
	start := lx.i
	rest := src[start:]
	if strings.HasPrefix(rest, "...") && lx.columnRangeDots(start) {
		lx.emit(Token{Kind: TokOp, Text: "...", Raw: "...", Pos: lx.pos(start)})
		lx.i += 3
		return nil
	}
	for _, o := range ops2 {
		if strings.HasPrefix(rest, o) {
			if o == "++" || o == "--" {
				// only a postfix increment when a statement end follows
				j := start + 2
				for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
					j++
				}
				if !(j >= len(src) || src[j] == ';' || src[j] == '\n' || src[j] == ')' || src[j] == '}' ||
					(src[j] == '/' && j+1 < len(src) && (src[j+1] == '/' || src[j+1] == '*'))) {
					continue
				}
			}
			if o == "<-" && start+2 < len(src) && (isDigit(src[start+2]) || src[start+2] == '.') {
				// x<-0.75 compares with a negative number: DolphinDB's own
				// scripts write it so (an anomaly rule min_wave <-90,
				// if(sumDeltas<-0.000001 ...)), where the join operator's
				// examples put a space, a bracket or a name after <-.
				continue
			}
			lx.emit(Token{Kind: TokOp, Text: o, Raw: o, Pos: lx.pos(start)})
			lx.i += 2
			return nil
		}
	}
	c := src[start]
	if strings.IndexByte(ops1, c) < 0 {
		return lx.errAt(start, "Cannot recognize the token "+string(c))
	}
	switch c {
	case '(', '[', '{':
		lx.stack = append(lx.stack, c)
	case ')', ']', '}':
		if n := len(lx.stack); n > 0 {
			lx.stack = lx.stack[:n-1]
		}
	}
	s := src[start : start+1]
	lx.emit(Token{Kind: TokOp, Text: s, Raw: s, Pos: lx.pos(start)})
	lx.i++
	return nil
}
