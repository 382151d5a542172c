package funcs

import (
	"math"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	Register(Spec{
		Name: "exp2", Params: []string{"X"}, Min: 1, Max: 1,
		Props: ElementWise | Pure, Category: "math",
		Fn: func(_ Env, args []value.Value) (value.Value, error) {
			return MapFloat("exp2", args[0], math.Exp2)
		},
	})
}
