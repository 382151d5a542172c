package funcs

import "github.com/porpoisedb/porpoise/value"

// WithHostCheck is WithHost for a built-in that may run only when check
// passes, typically the host's read or write rights check: the built-in
// fails with HostWith's error before f runs.
func WithHostCheck[H any](check func(H) error, f func(h H, env Env, args []value.Value) (value.Value, error)) Impl {
	return func(env Env, args []value.Value) (value.Value, error) {
		h, err := HostWith(env, check)
		if err != nil {
			return nil, err
		}
		return f(h, env, args)
	}
}
