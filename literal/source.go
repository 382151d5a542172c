package literal

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Sourcer is a value that renders itself as script, such as metacode.
type Sourcer interface{ Source() string }

// Source renders a scalar, pair or regular vector (or a Sourcer) as a
// script literal that evaluates to the same value.
func Source(v value.Value) (string, error) {
	switch x := v.(type) {
	case Sourcer:
		return x.Source(), nil
	case *value.Scalar:
		if x.Null {
			return strings.ToLower(x.T.String()) + "(NULL)", nil
		}
		switch {
		case x.T == value.String || x.T == value.Symbol:
			return quote(x.S), nil
		case x.T == value.Char:
			return fmt.Sprintf("char(%d)", x.I), nil
		case x.T.IsTemporal() || x.T == value.Bool:
			return x.String(), nil // temporal literals parse back as their type
		case x.T.IsNumeric():
			return strings.ToLower(x.T.String()) + "(" + x.String() + ")", nil
		}
	case *value.Vector:
		if x.T == value.Any {
			break
		}
		parts := make([]string, x.Len())
		for i := range parts {
			lit, err := Source(x.At(i))
			if err != nil {
				return "", err
			}
			parts[i] = lit
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", ddberr.Errorf("The arguments of a scheduled job's function must be scalars, pairs or vectors.")
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
