package strfn

import (
	"errors"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// stringFormat fills %-placeholders ("%i", "%10.3f", "%(name)W" ...)
// with its arguments, as the manual's stringFormat page describes.

// formatSpec is one parsed placeholder.
type formatSpec struct {
	key                      string // (var) mapping key
	alt, plus, left, zero    bool
	width, prec              int // -1 when absent
	starWidth, starPrecision bool
	verb                     byte
}

func stringFormat(_ funcs.Env, args []value.Value) (value.Value, error) {
	f, err := funcs.StrScalarArg("stringFormat", "format", args[0])
	if err != nil {
		return nil, err
	}
	rest := args[1:]
	var b strings.Builder
	next := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		spec, end, err := parsePlaceholder(f, i+1)
		if err != nil {
			return nil, err
		}
		i = end
		var arg value.Value
		if spec.key != "" {
			if len(rest) == 0 {
				return nil, errors.New("stringFormat needs a dictionary for the placeholder %(" + spec.key + ").")
			}
			d, ok := rest[0].(*value.Dict)
			if !ok {
				return nil, errors.New("stringFormat needs a dictionary for the placeholder %(" + spec.key + ").")
			}
			k := value.NewStrings(value.String, []string{spec.key})
			if d.Keys.T == value.Symbol {
				k.T = value.Symbol
			}
			if arg = d.Get(k, 0); arg == nil {
				return nil, ddberr.Errorf("The key %s is not in the dictionary passed to stringFormat.", spec.key)
			}
		} else {
			if next >= len(rest) {
				return nil, ddberr.Errorf("The number of arguments of stringFormat is less than the number of placeholders.")
			}
			arg = rest[next]
			next++
		}
		if spec.starWidth || spec.starPrecision {
			t, ok := arg.(*value.Vector)
			need := kernel.BoolAs[int64](spec.starWidth) + kernel.BoolAs[int64](spec.starPrecision) + 1
			if !ok || t.Len() != int(need) {
				return nil, ddberr.Errorf("A '*' in a stringFormat placeholder needs a tuple of the width and/or precision and the value.")
			}
			k := 0
			if spec.starWidth {
				w, _ := t.Elem(k).(*value.Scalar)
				if w == nil {
					return nil, ddberr.Errorf("The width of a stringFormat placeholder must be an integer.")
				}
				spec.width, k = int(w.I), k+1
			}
			if spec.starPrecision {
				p, _ := t.Elem(k).(*value.Scalar)
				if p == nil {
					return nil, ddberr.Errorf("The precision of a stringFormat placeholder must be an integer.")
				}
				spec.prec, k = int(p.I), k+1
			}
			arg = t.Elem(k)
		}
		s, err := formatPlaceholder(spec, arg)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	if next < len(rest) && !(len(rest) == 1 && isDictArg(rest[0])) {
		return nil, ddberr.Errorf("The number of arguments of stringFormat is more than the number of placeholders.")
	}
	return value.NewString(b.String()), nil
}

func isDictArg(x value.Value) bool {
	_, ok := x.(*value.Dict)
	return ok
}

// parsePlaceholder reads %[(var)][#][+|-][0][m|*][.][n|*]verb from pos
// (just after the '%'); end is the index of the verb.
func parsePlaceholder(f string, pos int) (formatSpec, int, error) {
	s := formatSpec{width: -1, prec: -1}
	i := pos
	if i < len(f) && f[i] == '(' {
		j := strings.IndexByte(f[i:], ')')
		if j < 0 {
			return s, 0, ddberr.Errorf("Invalid placeholder in the format string of stringFormat.")
		}
		s.key = f[i+1 : i+j]
		i += j + 1
	}
	for ; i < len(f); i++ {
		switch f[i] {
		case '#':
			s.alt = true
			continue
		case '+':
			s.plus = true
			continue
		case '-':
			s.left = true
			continue
		case '0':
			s.zero = true
			continue
		}
		break
	}
	s.width, s.starWidth, i = countAt(f, i, -1)
	if i < len(f) && f[i] == '.' {
		s.prec, s.starPrecision, i = countAt(f, i+1, 0)
	}
	if i >= len(f) || strings.IndexByte("bchioxXldMtmsDTnNfFSWA", f[i]) < 0 {
		return s, 0, ddberr.Errorf("Invalid placeholder in the format string of stringFormat.")
	}
	s.verb = f[i]
	return s, i, nil
}

// countAt reads a placeholder's width or precision at f[i]: '*' (star:
// taken from the arguments, n -1) or digits, n absent when there are none;
// next is the index after it.
func countAt(f string, i, absent int) (n int, star bool, next int) {
	if i < len(f) && f[i] == '*' {
		return -1, true, i + 1
	}
	j := i
	for j < len(f) && f[j] >= '0' && f[j] <= '9' {
		j++
	}
	if j == i {
		return absent, false, i
	}
	n, _ = strconv.Atoi(f[i:j])
	return n, false, j
}

// formatPlaceholder renders one argument for its placeholder.
func formatPlaceholder(s formatSpec, x value.Value) (string, error) {
	sc, isScalar := x.(*value.Scalar)
	numeric := false
	var body string
	switch s.verb {
	case 'A':
		body = x.String()
	case 'S', 'W':
		if isScalar {
			body = sc.String()
		} else {
			body = x.String()
		}
		if s.prec >= 0 && s.prec < len(body) {
			body = body[:s.prec]
		}
	case 'f', 'F':
		if !isScalar || !sc.T.IsNumeric() {
			return "", ddberr.Errorf("The placeholder %%%c of stringFormat needs a number.", s.verb)
		}
		p := s.prec
		if p < 0 {
			p = 6
		}
		body, numeric = strconv.FormatFloat(sc.Float64(), 'f', p, 64), true
	case 'h', 'i', 'l', 'o', 'x', 'X':
		if !isScalar || sc.T.Category() != value.CatIntegral && sc.T != value.Bool {
			return "", ddberr.Errorf("The placeholder %%%c of stringFormat needs an integer.", s.verb)
		}
		numeric = true
		switch s.verb {
		case 'o':
			body = strconv.FormatInt(sc.I, 8)
			if s.alt {
				body = "0o" + body
			}
		case 'x':
			body = strconv.FormatInt(sc.I, 16)
			if s.alt {
				body = "0x" + body
			}
		case 'X':
			body = strings.ToUpper(strconv.FormatInt(sc.I, 16))
			if s.alt {
				body = "0X" + body
			}
		default:
			body = strconv.FormatInt(sc.I, 10)
		}
	case 'b':
		if !isScalar {
			return "", ddberr.Errorf("The placeholder %%b of stringFormat needs a BOOL.")
		}
		body = strconv.FormatBool(sc.Bool())
	case 'c':
		if !isScalar {
			return "", ddberr.Errorf("The placeholder %%c of stringFormat needs a CHAR.")
		}
		if sc.T == value.Char {
			body = string(rune(sc.I))
		} else {
			body = sc.String()
		}
	default: // temporal verbs print the value as DolphinDB does
		body = x.String()
	}
	if numeric && s.plus && !strings.HasPrefix(body, "-") {
		body = "+" + body
	}
	if s.width > len(body) {
		padding := s.width - len(body)
		switch {
		case s.left:
			body += strings.Repeat(" ", padding)
		case s.zero && numeric:
			sign := ""
			if body[0] == '+' || body[0] == '-' {
				sign, body = body[:1], body[1:]
			}
			body = sign + strings.Repeat("0", padding) + body
		default:
			body = strings.Repeat(" ", padding) + body
		}
	}
	return body, nil
}
