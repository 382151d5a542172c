package engine

import (
	"errors"
	"strings"

	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("isNull", p("x"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return mapBool(args[0], func(v *value.Vector, i int) bool { return v.IsNull(i) })
	})
	reg("isValid", p("x"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		return mapBool(args[0], func(v *value.Vector, i int) bool { return !v.IsNull(i) })
	})
	reg("exists", p("name"), 1, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		name, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The argument of exists must be a string.")
		}
		if strings.HasPrefix(name, "dfs://") {
			return value.NewBool(in.s.eng.existsDatabase(name)), nil
		}
		if _, ok := in.frame[name]; ok {
			return value.NewBool(true), nil
		}
		_, ok = in.s.eng.Shared(name)
		return value.NewBool(ok), nil
	})
	reg("defined", p("names"), 1, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		names, ok := stringsArg(args[0])
		if !ok {
			return nil, errors.New("The argument of defined must be a string.")
		}
		out := value.NewVector(value.Bool, 0, len(names))
		for _, n := range names {
			_, a := in.frame[n]
			_, b := in.s.eng.Shared(n)
			out.I8 = append(out.I8, boolByte(a || b || in.function(n) != nil))
		}
		if len(names) == 1 {
			return out.At(0), nil
		}
		return out, nil
	})
	reg("undef", p("obj", "objType"), 0, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		if len(args) == 0 {
			return nil, nil
		}
		names, ok := stringsArg(args[0])
		if !ok {
			return nil, errors.New("The argument of undef must be a variable name string.")
		}
		objType := int64(0)
		if len(args) > 1 {
			t, ok := args[1].(*value.Scalar)
			if !ok || t.Null {
				return nil, errors.New("The objType of undef must be VAR, SHARED or DEF.")
			}
			objType = t.I
		}
		shared := objType == 1
		for _, n := range names {
			if n == "all" {
				for k := range in.frame {
					delete(in.frame, k)
				}
				continue
			}
			if shared || in.frame[n] == nil {
				if err := in.s.checkUnshare(n); err != nil {
					return nil, err
				}
				if in.s.eng.unshare(n) {
					continue
				}
			}
			delete(in.frame, n)
		}
		return nil, nil
	})
	reg("share", p("table", "sharedName", "readonly"), 2, 3, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		name, ok := stringArg(args[1])
		if !ok {
			return nil, errors.New("The shared name must be a string.")
		}
		if err := in.s.eng.shareObject(args[0], name, boolArg(arg(args, 2), false), in.s.user); err != nil {
			return nil, err
		}
		return args[0], nil
	})
	reg("today", nil, 0, 0, func(in *interp, _ []value.Value, _ []string) (value.Value, error) {
		n := in.s.eng.Now()
		return value.NewTyped(value.Date, value.DaysFromCivil(n.Year(), int(n.Month()), n.Day())), nil
	})
	reg("now", p("nanoSecond"), 0, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		n := in.s.eng.Now()
		_, off := n.Zone()
		if boolArg(arg(args, 0), false) {
			return value.NewTyped(value.NanoTimestamp, n.UnixNano()+int64(off)*1e9), nil
		}
		return value.NewTyped(value.Timestamp, n.UnixMilli()+int64(off)*1000), nil
	})
	reg("login", p("userId", "password", "enableEncryption"), 2, 3, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		u, ok1 := stringArg(args[0])
		pw, ok2 := stringArg(args[1])
		if !ok1 || !ok2 {
			return nil, errors.New("The user name and password must be strings.")
		}
		if err := in.s.Login(u, pw); err != nil {
			return nil, err
		}
		return value.NewBool(true), nil
	})
	reg("logout", p("userId", "sessionOnly"), 0, 2, func(in *interp, _ []value.Value, _ []string) (value.Value, error) {
		in.s.Logout()
		return nil, nil
	})
	reg("iif", p("cond", "trueResult", "falseResult"), 3, 3, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		c, err := asOperand(args[0])
		if err != nil {
			return nil, err
		}
		if c.scalar {
			if c.v.At(0).Bool() {
				return args[1], nil
			}
			return args[2], nil
		}
		n := c.v.Len()
		a, err := value.Broadcast(args[1], n)
		if err != nil {
			return nil, err
		}
		b, err := value.Broadcast(args[2], n)
		if err != nil {
			return nil, err
		}
		// an untyped NULL branch (case when without else) takes the
		// other branch's type
		if a.T == value.Void && b.T != value.Void {
			a = value.NewNullVector(b.T, n)
			a.Scale = b.Scale
		} else if b.T == value.Void {
			b = value.NewNullVector(a.T, n)
			b.Scale = a.Scale
		}
		if b.T != a.T {
			if b, err = value.CastVector(b, a.T, a.Scale); err != nil {
				return nil, err
			}
		}
		out := a.Clone()
		for i := 0; i < n; i++ {
			if !c.v.At(i).Bool() {
				out.SetFrom(i, b, i)
			}
		}
		return out, nil
	})
	reg("between", p("X", "range"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		r, ok := args[1].(*value.Pair)
		if !ok {
			return nil, errors.New("The second argument of between must be a pair.")
		}
		lo, err := binaryOp(">=", args[0], r.V.At(0))
		if err != nil {
			return nil, err
		}
		hi, err := binaryOp("<=", args[0], r.V.At(1))
		if err != nil {
			return nil, err
		}
		return binaryOp("&&", lo, hi)
	})
	reg("assert", p("cond", "msg"), 1, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		ok, err := truth(args[0])
		if err != nil {
			return nil, err
		}
		if !ok {
			msg := "Assertion failed"
			if m, ok := stringArg(arg(args, 1)); ok {
				msg = m
			}
			return nil, errors.New(msg)
		}
		return nil, nil
	})
}

// Version is what version() reports (funcs/system owns the text).
const Version = system.Version

// mapBool applies a per-element predicate to a scalar or vector.
func mapBool(x value.Value, f func(v *value.Vector, i int) bool) (value.Value, error) {
	o, err := asOperand(x)
	if err != nil {
		return nil, err
	}
	n := o.v.Len()
	out := value.NewVector(value.Bool, n, n)
	for i := 0; i < n; i++ {
		out.I8[i] = boolByte(f(o.v, i))
	}
	if o.scalar {
		return out.At(0), nil
	}
	return out, nil
}
