package textindex

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Func is one match function: its DolphinDB parameters after textCol.
type Func struct {
	Name   string
	Params []string
}

// Funcs are the match functions of textdb.md, by name.
var Funcs = map[string]Func{}

func init() {
	for _, f := range []Func{
		{"matchAll", []string{"terms"}},
		{"matchAny", []string{"terms"}},
		{"matchPhrase", []string{"phrase"}},
		{"matchPrefix", []string{"prefix"}},
		{"matchSuffix", []string{"suffix"}},
		{"matchPrefixSuffix", []string{"prefix", "suffix"}},
		{"matchPhrasePrefix", []string{"phrase", "prefix"}},
		{"matchPhraseSuffix", []string{"suffix", "phrase"}},
		{"matchPhraseInfix", []string{"suffix", "phrase", "prefix"}},
		{"matchSpan", []string{"span", "slop"}},
		{"matchUnorderedSpan", []string{"span", "slop"}},
	} {
		Funcs[f.Name] = f
		n := len(f.Params) + 1
		funcs.Register(funcs.Spec{Name: f.Name, Params: append([]string{"textCol"}, f.Params...), Min: n, Max: n,
			Category: "sql", Fn: func(funcs.Env, []value.Value) (value.Value, error) {
				return nil, errWhere(f.Name)
			}})
	}
}

// errWhere is a match function used anywhere but the where clause of a
// query on its table (textdb.md: "只能在查询语句的 where 子句中使用，无法单独调用").
func errWhere(name string) error {
	return ddberr.Errorf("%s can only be used in the where clause of a query on a column with a text index.", name)
}

// pred is a compiled match over one row's tokens.
type pred func(toks []string) bool

// compile turns a match function's arguments (after textCol, in
// parameter order) into a predicate over tokens analyzed by s.
func (s Spec) compile(f Func, args []value.Value) (pred, error) {
	strs := make([]string, len(args))
	slop := -1
	for i, a := range args {
		if f.Params[i] == "slop" {
			n, ok := slopArg(a)
			if !ok {
				return nil, ddberr.Errorf("The argument [slop] of %s must be a non-negative integer.", f.Name)
			}
			slop = n
			continue
		}
		sc, ok := a.(*value.Scalar)
		if !ok || (sc.T != value.String && sc.T != value.Symbol) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a STRING scalar.", f.Params[i], f.Name)
		}
		strs[i], _ = funcs.StringArg(sc)
	}
	switch f.Name {
	case "matchAll", "matchAny":
		terms := s.Tokens(strs[0])
		all := f.Name == "matchAll"
		return func(toks []string) bool {
			if len(terms) == 0 {
				return false
			}
			for _, t := range terms {
				if slices.Contains(toks, t) != all {
					return !all
				}
			}
			return all
		}, nil
	case "matchPhrase":
		phrase := s.Tokens(strs[0])
		return func(toks []string) bool { return len(phrase) > 0 && phraseAt(toks, phrase, nil, nil) }, nil
	case "matchPrefix", "matchSuffix", "matchPrefixSuffix":
		pre, suf := "", ""
		switch f.Name {
		case "matchPrefix":
			pre = s.fold(strs[0])
		case "matchSuffix":
			suf = s.fold(strs[0])
		default:
			pre, suf = s.fold(strs[0]), s.fold(strs[1])
		}
		return func(toks []string) bool {
			return slices.ContainsFunc(toks, func(t string) bool { return strings.HasPrefix(t, pre) && strings.HasSuffix(t, suf) })
		}, nil
	case "matchPhrasePrefix", "matchPhraseSuffix", "matchPhraseInfix":
		var before, after func(string) bool
		var phrase []string
		switch f.Name {
		case "matchPhrasePrefix":
			phrase, after = s.Tokens(strs[0]), prefixOf(s.fold(strs[1]))
		case "matchPhraseSuffix":
			before, phrase = suffixOf(s.fold(strs[0])), s.Tokens(strs[1])
		default:
			before, phrase, after = suffixOf(s.fold(strs[0])), s.Tokens(strs[1]), prefixOf(s.fold(strs[2]))
		}
		return func(toks []string) bool { return len(phrase) > 0 && phraseAt(toks, phrase, before, after) }, nil
	default: // matchSpan, matchUnorderedSpan
		terms := s.Tokens(strs[0])
		if f.Name == "matchSpan" {
			return func(toks []string) bool { return len(terms) > 0 && orderedSpan(toks, terms, slop) }, nil
		}
		return func(toks []string) bool { return len(terms) > 0 && unorderedSpan(toks, terms, slop) }, nil
	}
}

func prefixOf(p string) func(string) bool {
	return func(t string) bool { return strings.HasPrefix(t, p) }
}
func suffixOf(x string) func(string) bool {
	return func(t string) bool { return strings.HasSuffix(t, x) }
}

// slopArg reads matchSpan's slop: an integral scalar at least 0.
func slopArg(a value.Value) (int, bool) {
	sc, ok := a.(*value.Scalar)
	if !ok || sc.T.Category() != value.CatIntegral {
		return 0, false
	}
	n, ok := sc.Int64()
	return int(n), ok && n >= 0
}

// phraseAt reports whether phrase occurs in toks as consecutive tokens,
// after a token before accepts and followed by one after accepts (nil:
// no condition on that side).
func phraseAt(toks, phrase []string, before, after func(string) bool) bool {
	for i := 0; i+len(phrase) <= len(toks); i++ {
		if !slices.Equal(toks[i:i+len(phrase)], phrase) {
			continue
		}
		if before != nil && (i == 0 || !before(toks[i-1])) {
			continue
		}
		if j := i + len(phrase); after != nil && (j >= len(toks) || !after(toks[j])) {
			continue
		}
		return true
	}
	return false
}

// orderedSpan reports whether terms occur in order with at most slop
// other tokens among them. From each start the earliest next occurrence
// of each term gives that start's shortest span.
func orderedSpan(toks, terms []string, slop int) bool {
	for i, t := range toks {
		if t != terms[0] {
			continue
		}
		end, k := i, 1
		for j := i + 1; j < len(toks) && k < len(terms); j++ {
			if toks[j] == terms[k] {
				end, k = j, k+1
			}
		}
		if k < len(terms) {
			return false
		}
		if end-i+1-len(terms) <= slop {
			return true
		}
	}
	return false
}

// unorderedSpan reports whether a window of toks holds every term (as
// often as terms repeats it) with at most slop other tokens in it.
func unorderedSpan(toks, terms []string, slop int) bool {
	need := map[string]int{}
	for _, t := range terms {
		need[t]++
	}
	have := map[string]int{}
	missing := len(terms)
	lo := 0
	// A sliding window, shrunk from the left while it still holds
	// every term: each right end's shortest window.
	for hi, t := range toks {
		if need[t] > 0 {
			if have[t] < need[t] {
				missing--
			}
			have[t]++
		}
		for missing == 0 {
			if hi-lo+1-len(terms) <= slop {
				return true
			}
			if u := toks[lo]; need[u] > 0 {
				have[u]--
				if have[u] < need[u] {
					missing++
				}
			}
			lo++
		}
	}
	return false
}

// Mask is the match function f over column col, whose text index is s:
// one flag per row. A coded column is analyzed once per distinct string.
func (s Spec) Mask(f Func, col *value.Vector, args []value.Value) ([]bool, error) {
	if s.Parser == Chinese && Segment == nil {
		return nil, ddberr.Errorf("The chinese parser of a text index is not supported.")
	}
	p, err := s.compile(f, args)
	if err != nil {
		return nil, err
	}
	out := make([]bool, col.Len())
	if col.Syms != nil {
		strs := col.Syms.Strs()
		memo := make([]int8, len(strs))
		for i, c := range col.I32 {
			if memo[c] == 0 {
				memo[c] = 2
				if p(s.Tokens(strs[c])) {
					memo[c] = 1
				}
			}
			out[i] = memo[c] == 1
		}
		return out, nil
	}
	for i, x := range col.Str {
		out[i] = p(s.Tokens(x))
	}
	return out, nil
}
