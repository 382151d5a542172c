package strfn

import (
	"encoding/base64"
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

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
