package convert

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// jsonExtract reads the element of standard JSON text at a location: a
// key or a 1-based position (negative from the end) per level. A missing
// element, or one that does not convert to type, is NULL.

// jsonNode is parsed JSON keeping object members in order.
type jsonNode struct {
	keys  []string // object member names; nil for arrays
	items []*jsonNode
	leaf  any // json.Number, string, bool or nil for scalars
	isObj bool
	isArr bool
}

func readJSONNode(dec *json.Decoder) (*jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return &jsonNode{leaf: tok}, nil
	}
	n := &jsonNode{isObj: d == '{', isArr: d == '['}
	for dec.More() {
		if n.isObj {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			ks, _ := k.(string)
			n.keys = append(n.keys, ks)
		}
		c, err := readJSONNode(dec)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, c)
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return n, nil
}

// step descends one level by key or position.
func (n *jsonNode) step(loc value.Value) *jsonNode {
	s, ok := loc.(*value.Scalar)
	if !ok || n == nil || (!n.isObj && !n.isArr) {
		return nil
	}
	if s.T.Category() == value.CatLiteral {
		if !n.isObj {
			return nil
		}
		for i, k := range n.keys {
			if k == s.S {
				return n.items[i]
			}
		}
		return nil
	}
	p, ok := s.Int64()
	if !ok || p == 0 {
		return nil
	}
	if p < 0 {
		p += int64(len(n.items)) + 1
	}
	if p < 1 || p > int64(len(n.items)) {
		return nil
	}
	return n.items[p-1]
}

func jsonExtract(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("jsonExtract", args[0])
	if err != nil {
		return nil, err
	}
	path, ok := funcs.ElemsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [location] of jsonExtract must be a scalar, vector or tuple of keys and positions.")
	}
	typ, err := funcs.StrScalarArg("jsonExtract", "type", args[2])
	if err != nil {
		return nil, err
	}
	rt, _ := value.TypeByName(strings.ToUpper(typ))
	switch rt {
	case value.Long, value.Int, value.Double, value.String:
	default:
		return nil, ddberr.Errorf("The argument [type] of jsonExtract must be \"long\", \"int\", \"double\" or \"string\".")
	}
	out := value.NewVector(rt, 0, len(in.S))
	for _, text := range in.S {
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		node, err := readJSONNode(dec)
		if err != nil {
			node = nil
		}
		for _, p := range path {
			node = node.step(p)
		}
		appendJSONLeaf(out, node)
	}
	return in.Wrap(out), nil
}

// appendJSONLeaf appends node converted to out's type, NULL when it
// cannot be.
func appendJSONLeaf(out *value.Vector, node *jsonNode) {
	if node == nil {
		out.AppendNull()
		return
	}
	if out.T == value.String {
		switch x := node.leaf.(type) {
		case string:
			out.AppendScalar(value.NewString(x))
		case json.Number:
			out.AppendScalar(value.NewString(string(x)))
		case bool:
			out.AppendScalar(value.NewString(strconv.FormatBool(x)))
		default: // null, objects and arrays have no string value
			out.AppendNull()
		}
		return
	}
	num, ok := node.leaf.(json.Number)
	if !ok {
		out.AppendNull()
		return
	}
	f, err := num.Float64()
	if err != nil {
		out.AppendNull()
		return
	}
	switch out.T {
	case value.Double:
		out.AppendScalar(value.NewDouble(f))
	case value.Int:
		if f >= math.MinInt32+1 && f <= math.MaxInt32 {
			out.AppendScalar(value.NewInt(int32(f)))
		} else {
			out.AppendNull()
		}
	default:
		if n, err := strconv.ParseInt(string(num), 10, 64); err == nil {
			out.AppendScalar(value.NewLong(n))
		} else if f >= -9.2e18 && f <= 9.2e18 {
			out.AppendScalar(value.NewLong(int64(f)))
		} else {
			out.AppendNull()
		}
	}
}
