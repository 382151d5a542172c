package literal

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Value is the value a literal denotes.
func Value(n *ast.Literal) (value.Value, error) {
	switch n.Kind {
	case ast.LitInt, ast.LitFloat:
		if n.Type == "DURATION" {
			x, err := strconv.ParseInt(n.Text, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("invalid duration literal %q", n.Text+n.Suffix)
			}
			return value.NewDuration(x, n.Suffix), nil
		}
		return cast.ParseNumber(n.Text, n.Suffix)
	case ast.LitString, ast.LitSymbol:
		return value.NewString(n.Text), nil
	case ast.LitChar:
		if len(n.Text) == 0 {
			return value.NullScalar(value.Char), nil
		}
		return value.NewTyped(value.Char, int64(int8(n.Text[0]))), nil
	case ast.LitTemporal:
		// 2012.06M and 13:30m carry their type letter; 2024.01.01d a suffix
		// that only restates (or converts) the type.
		if n.Suffix != "" {
			if s, err := cast.ParseTemporal(n.Text + n.Suffix); err == nil {
				return s, nil
			}
		}
		s, err := cast.ParseTemporal(n.Text)
		if err != nil {
			return nil, err
		}
		if t, ok := value.TypeByName(n.Type); ok && n.Type != "" && t != s.T {
			return cast.To(s, t, 0)
		}
		return s, nil
	case ast.LitBool:
		return value.NewBool(strings.EqualFold(n.Text, "true")), nil
	case ast.LitNull:
		if n.Type != "" {
			if t, ok := value.TypeByName(n.Type); ok {
				return value.NullScalar(t), nil
			}
		}
		if n.Suffix != "" {
			return cast.ParseNumber(n.Text, n.Suffix)
		}
		return value.NullScalar(value.Void), nil
	}
	return nil, fmt.Errorf("unsupported literal %q", n.Text)
}
