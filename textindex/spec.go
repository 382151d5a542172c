package textindex

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Parser is a text index's tokenizer.
type Parser uint8

// The parsers textdb.md lists.
const (
	None Parser = iota
	English
	Chinese
	Mixed
)

// Spec is one column's textindex(...) settings.
type Spec struct {
	Parser    Parser
	Full      bool
	Lowercase bool
	Stem      bool
}

func errSpec(text string) error {
	return ddberr.Errorf("Invalid textindex %s: it must be textindex(parser=none|english|chinese|mixed[, full=true|false][, lowercase=true|false][, stem=true|false]).", text)
}

// IsSpec reports whether an indexes entry declares a text index
// (textindex(...), any case), as opposed to a bloomfilter or a vector
// index.
func IsSpec(text string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(text)), "textindex(")
}

// ParseSpec reads textindex(parser=english, full=false, lowercase=true,
// stem=true). parser has no default (textdb.md); lowercase defaults to
// true, full and stem to false (createPartitionedTable.md).
func ParseSpec(text string) (Spec, error) {
	s := Spec{Lowercase: true}
	body := strings.TrimSpace(text)
	if !IsSpec(body) || !strings.HasSuffix(body, ")") {
		return s, errSpec(text)
	}
	body = body[len("textindex(") : len(body)-1]
	parser := false
	for _, kv := range strings.Split(body, ",") {
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.ToLower(strings.TrimSpace(v))
		if !ok {
			return s, errSpec(text)
		}
		var flag *bool
		switch k {
		case "parser":
			p, known := map[string]Parser{"none": None, "english": English, "chinese": Chinese, "mixed": Mixed}[v]
			if !known || parser {
				return s, errSpec(text)
			}
			s.Parser, parser = p, true
			continue
		case "full":
			flag = &s.Full
		case "lowercase":
			flag = &s.Lowercase
		case "stem":
			flag = &s.Stem
		default:
			return s, errSpec(text)
		}
		switch v {
		case "true", "1":
			*flag = true
		case "false", "0":
			*flag = false
		default:
			return s, errSpec(text)
		}
	}
	if !parser {
		return s, errSpec(text)
	}
	return s, nil
}

// Check validates a text index on a column of type t in a database of
// engine (createPartitionedTable.md: STRING or BLOB columns of PKEY
// tables only).
func Check(text string, t value.Type, engine string) (Spec, error) {
	s, err := ParseSpec(text)
	if err != nil {
		return s, err
	}
	if !strings.EqualFold(engine, "PKEY") {
		return s, ddberr.Errorf("A text index can only be created on a table in a PKEY database.")
	}
	if t != value.String && t != value.Blob {
		return s, ddberr.Errorf("TextIndex cannot be specified on columns of %s type. RefId: S12008", t)
	}
	return s, nil
}
