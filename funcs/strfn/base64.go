package strfn

import (
	"encoding/base64"
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "base64Encode", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "encoding",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return funcs.MapStrings("base64Encode", args[0], func(s string) string {
					return base64.StdEncoding.EncodeToString([]byte(s))
				})
			}},
		funcs.Spec{Name: "base64Decode", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "encoding", Fn: base64Decode},
	)
}

// base64Decode decodes each string to a BLOB.
func base64Decode(_ funcs.Env, args []value.Value) (value.Value, error) {
	in, err := funcs.StringInput("base64Decode", args[0])
	if err != nil {
		return nil, err
	}
	out := make([]string, len(in.S))
	for i, s := range in.S {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("base64Decode: [%s] is not a valid Base64 string.", s)
		}
		out[i] = string(b)
	}
	return in.Wrap(value.NewStrings(value.Blob, out)), nil
}
