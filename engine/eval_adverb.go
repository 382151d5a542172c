package engine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// adverbFuncs names the higher-order function each adverb stands for:
// f:E(x) is each(f, x), x +:C y is cross(add, x, y), and so on.
var adverbFuncs = map[string]string{
	"E": "each", "L": "eachLeft", "R": "eachRight", "P": "eachPre", "O": "eachPost",
	"A": "accumulate", "T": "reduce", "C": "cross", "G": "groupby", "X": "contextby",
	"H": "byRow", "V": "byColumn", "U": "loop",
}

// evalAdverb makes f:X into the partial application of X's higher-order
// function to f. The two-letter forms (:LC, :AC ...) ask for a result of
// consistent type; they bind the function's consistent parameter.
func (in *interp) evalAdverb(n *ast.AdverbExpr) (value.Value, error) {
	name := adverbFuncs[n.Adverb[:1]]
	hof := in.function(name)
	if name == "" || hof == nil {
		return nil, ddberr.Errorf("The function adverb ':%s' is not supported", n.Adverb)
	}
	fv, err := in.eval(n.Fn)
	if err != nil {
		return nil, err
	}
	f, ok := fv.(Function)
	if !ok {
		return nil, ddberr.Errorf("The adverb ':%s' must follow a function.", n.Adverb)
	}
	if len(n.Adverb) == 2 {
		return &consistentCall{hof: hof, fn: f, rule: n.Adverb[1:]}, nil
	}
	return &partialFunc{fn: hof, bound: []value.Value{f}}, nil
}

// consistentCall is f:LC and the other two-letter adverbs: the
// higher-order function called with its assembleRule (D, C, U or K), or
// for one without that parameter, consistent=true for C.
type consistentCall struct {
	hof  Function
	fn   Function
	rule string
}

func (c *consistentCall) Form() Form       { return value.FormScalar }
func (c *consistentCall) Type() Type       { return value.FunctionDef }
func (c *consistentCall) String() string   { return c.hof.FuncName() }
func (c *consistentCall) FuncName() string { return c.hof.FuncName() }
