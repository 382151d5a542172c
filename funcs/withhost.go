package funcs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// errNoEngine is returned when a built-in that needs the engine runs
// under an Env that is not an engine's interpreter (a test double).
var errNoEngine = ddberr.Errorf("This function needs a database engine.")

// HostOf returns env as H, the interface a family declares for what its
// functions need of the engine beyond Env, or an error when the calling
// interpreter does not implement it.
func HostOf[H any](env Env) (H, error) {
	h, ok := env.(H)
	if !ok {
		var zero H
		return zero, errNoEngine
	}
	return h, nil
}

// WithHost adapts a built-in that works through the host H: where env
// is not one, the built-in fails as HostOf does.
func WithHost[H any](f func(h H, env Env, args []value.Value) (value.Value, error)) Impl {
	return func(env Env, args []value.Value) (value.Value, error) {
		h, err := HostOf[H](env)
		if err != nil {
			return nil, err
		}
		return f(h, env, args)
	}
}

// HostWith is HostOf followed by check, typically the host's read or
// write rights check, whose error it returns.
func HostWith[H any](env Env, check func(H) error) (H, error) {
	h, err := HostOf[H](env)
	if err == nil {
		err = check(h)
	}
	if err != nil {
		var zero H
		return zero, err
	}
	return h, nil
}

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
