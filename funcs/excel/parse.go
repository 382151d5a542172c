package excel

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
)

type tokKind uint8

const (
	tText tokKind = iota // copied as it is: numbers, strings, operators, spaces
	tFunc                // a function name; '(' follows
	tRef                 // a cell reference, or a range of two
	tComma
	tOpen
	tClose
)

type token struct {
	kind tokKind
	text string
	from cell
	to   cell // equals from for a single cell
}

// operators are Excel's operators as DolphinDB writes them, longest
// first.
var operators = []struct{ excel, ddb string }{
	{"<>", "!="}, {"<=", "<="}, {">=", ">="}, {"<", "<"}, {">", ">"}, {"=", "=="},
	{"+", "+"}, {"-", "-"}, {"*", "*"}, {"/", "/"},
}

func tokenize(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			toks = append(toks, token{kind: tText, text: s[i:j]})
			i = j
		case c == ',':
			toks, i = append(toks, token{kind: tComma, text: ","}), i+1
		case c == '(':
			toks, i = append(toks, token{kind: tOpen, text: "("}), i+1
		case c == ')':
			toks, i = append(toks, token{kind: tClose, text: ")"}), i+1
		case c == '"':
			j := i + 1
			for j < len(s) && (s[j] != '"' || j+1 < len(s) && s[j+1] == '"') {
				if s[j] == '"' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, unsupported(s[i:])
			}
			toks = append(toks, token{kind: tText, text: strconv.Quote(strings.ReplaceAll(s[i+1:j], `""`, `"`))})
			i = j + 1
		case c >= '0' && c <= '9' || c == '.':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			toks = append(toks, token{kind: tText, text: s[i:j]})
			i = j
		case isWordByte(c):
			j := i
			for j < len(s) && (isWordByte(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			t, err := word(s[i:j], strings.TrimLeft(s[j:], " \t"))
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i = j
		case c == ':':
			// a range: the references on either side become one token
			k := len(toks) - 1
			j := i + 1
			for j < len(s) && (isWordByte(s[j]) || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			to, ok := parseCell(s[i+1 : j])
			if k < 0 || toks[k].kind != tRef || toks[k].from != toks[k].to || !ok {
				return nil, unsupported(s[i:])
			}
			toks[k].to, toks[k].text = to, toks[k].text+s[i:j]
			i = j
		default:
			op := ""
			for _, o := range operators {
				if strings.HasPrefix(s[i:], o.excel) {
					op = o.excel
					toks = append(toks, token{kind: tText, text: o.ddb})
					break
				}
			}
			if op == "" {
				return nil, unsupported(s[i:])
			}
			i += len(op)
		}
	}
	return toks, nil
}

func isWordByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '$' || c == '_'
}

// word reads a name: a function (rest starts with '('), a cell reference
// or TRUE/FALSE.
func word(w, rest string) (token, error) {
	up := strings.ToUpper(w)
	if strings.HasPrefix(rest, "(") {
		return token{kind: tFunc, text: up}, nil
	}
	if c, ok := parseCell(w); ok {
		return token{kind: tRef, text: w, from: c, to: c}, nil
	}
	if up == "TRUE" || up == "FALSE" {
		return token{kind: tText, text: strings.ToLower(up)}, nil
	}
	return token{}, unsupported(w)
}

func unsupported(s string) error {
	return ddberr.Errorf("convertExcelFormula can't convert the formula at [%s].", s)
}

// parser converts a token list, calls first.
type parser struct {
	b    block
	toks []token
	at   int
}

// sequence converts tokens up to the end, or, with inCall, to the comma
// or closing parenthesis that ends an argument or a parenthesized group
// (left unread). With isArg a range may stand alone as the argument,
// for call to convert.
func (p *parser) sequence(inCall, isArg bool) (string, error) {
	var out strings.Builder
	start := p.at
	for p.at < len(p.toks) {
		t := p.toks[p.at]
		switch t.kind {
		case tComma, tClose:
			if !inCall {
				return "", unsupported(t.text)
			}
			return out.String(), nil
		case tOpen:
			p.at++
			inner, err := p.sequence(true, false)
			if err != nil {
				return "", err
			}
			if p.at < len(p.toks) && p.toks[p.at].kind == tComma {
				return "", unsupported(",")
			}
			p.at++ // the closing parenthesis, when the formula has it
			out.WriteString("(" + inner + ")")
		case tFunc:
			s, err := p.call()
			if err != nil {
				return "", err
			}
			out.WriteString(s)
		case tRef:
			if t.from != t.to && isArg && onlyRef(p.toks[start:p.argEnd(p.at)]) != nil {
				out.WriteString(t.text)
				p.at++
				continue
			}
			if t.from != t.to {
				return "", ddberr.Errorf("convertExcelFormula supports a range such as %s only as the argument of an aggregate function.", t.text)
			}
			col, err := p.b.column(t.from, t.text)
			if err != nil {
				return "", err
			}
			out.WriteString(col)
			p.at++
		default:
			out.WriteString(t.text)
			p.at++
		}
	}
	return out.String(), nil
}

// argEnd is the end of the argument that holds token i: the next comma
// or closing parenthesis, or the end.
func (p *parser) argEnd(i int) int {
	for i < len(p.toks) && p.toks[i].kind != tComma && p.toks[i].kind != tClose {
		i++
	}
	return i
}

// arg is one converted argument of a call, and its reference when it is
// nothing else.
type arg struct {
	text string
	ref  *token
}

// call converts a function call; a missing closing parenthesis at the
// end of the formula is supplied (the page's IF(A1>0,B1,0 example).
func (p *parser) call() (string, error) {
	name := p.toks[p.at].text
	for p.at++; p.toks[p.at].kind != tOpen; p.at++ {
	}
	p.at++
	var args []arg
	for {
		from := p.at
		text, err := p.sequence(true, true)
		if err != nil {
			return "", err
		}
		args = append(args, arg{text: text, ref: onlyRef(p.toks[from:p.at])})
		if p.at >= len(p.toks) || p.toks[p.at].kind == tClose {
			p.at++
			break
		}
		p.at++ // the comma
	}
	if agg, ok := aggregates[name]; ok {
		if len(args) == 1 && strings.TrimSpace(args[0].text) == "" {
			return "", unsupported(name + "()")
		}
		return p.b.aggregate(name, agg, args)
	}
	ddb, ok := scalarFuncs[name]
	if !ok {
		return "", ddberr.Errorf("convertExcelFormula doesn't support the Excel function %s.", name)
	}
	texts := make([]string, len(args))
	for i, a := range args {
		if a.ref != nil && a.ref.from != a.ref.to {
			return "", ddberr.Errorf("convertExcelFormula supports a range such as %s only as the argument of an aggregate function.", a.ref.text)
		}
		texts[i] = a.text
	}
	return ddb + "(" + strings.Join(texts, ",") + ")", nil
}

// onlyRef is the reference an argument consists of (spaces aside), or
// nil.
func onlyRef(toks []token) *token {
	var ref *token
	for i := range toks {
		switch {
		case toks[i].kind == tRef && ref == nil:
			ref = &toks[i]
		case toks[i].kind == tText && strings.TrimSpace(toks[i].text) == "":
		default:
			return nil
		}
	}
	return ref
}

// aggregate converts an aggregate call by what its arguments read.
func (b block) aggregate(name string, agg aggregate, args []arg) (string, error) {
	if len(args) == 1 {
		r := args[0].ref
		switch {
		case r == nil || r.from == r.to:
			return agg.cumulative + "(" + args[0].text + ")", nil
		case r.from.col == r.to.col:
			col, err := b.column(r.from, r.text)
			if err != nil {
				return "", err
			}
			n := r.to.row - r.from.row
			if n < 0 {
				n = -n
			}
			n++
			if n == b.rows {
				return agg.whole + "(" + col + ")", nil
			}
			return agg.moving + "(" + col + ", " + strconv.Itoa(n) + ")", nil
		}
	}
	var cols []string
	for _, a := range args {
		r := a.ref
		if r == nil {
			cols = append(cols, a.text)
			continue
		}
		if r.from.row != r.to.row {
			return "", ddberr.Errorf("convertExcelFormula doesn't support %s over both rows and columns: %s.", name, r.text)
		}
		lo, hi := min(r.from.col, r.to.col), max(r.from.col, r.to.col)
		for c := lo; c <= hi; c++ {
			col, err := b.column(cell{c, r.from.row}, r.text)
			if err != nil {
				return "", err
			}
			cols = append(cols, col)
		}
	}
	return agg.rowWise + "(" + strings.Join(cols, ", ") + ")", nil
}
