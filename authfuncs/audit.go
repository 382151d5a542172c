package authfuncs

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// audited is fn recording each successful call in the ACL audit trail
// (getAclAuditlog) as opType, with the opDetail text detail builds from
// its arguments in the form funcs/g/getaclauditlog.md lists.
func audited(opType string, detail func(args []value.Value) string, fn funcs.Impl) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		v, err := fn(env, args)
		if err == nil {
			audit.RecordACL(env.Context(), opType, detail(args))
		}
		return v, err
	}
}

// detailOf is the detail "k1=v1 k2=v2 ...": each key names the argument
// at its position ("" skips one), a name for a string scalar, [a,b] for a list.
func detailOf(keys ...string) func(args []value.Value) string {
	return func(args []value.Value) string {
		parts := make([]string, 0, len(keys))
		for i, k := range keys {
			if k == "" { // an argument the detail leaves out (a password)
				continue
			}
			parts = append(parts, k+"="+argText(k, funcs.Arg(args, i)))
		}
		return strings.Join(parts, " ")
	}
}

func argText(key string, x value.Value) string {
	switch {
	case key == "accessType":
		if s, ok := x.(*value.Scalar); ok && !s.Null {
			return auth.Priv(s.I).String()
		}
	case key == "isAdmin":
		return fmt.Sprint(funcs.OptBool(x, false))
	case strings.HasSuffix(key, "s"): // a list: userIds, groupIds, objs
		names, _ := funcs.StringsArg(x)
		if len(names) == 1 && names[0] == auth.Global {
			names = nil // the page's example shows a grant on "*" as objs=[]
		}
		return "[" + strings.Join(names, ",") + "]"
	}
	s, _ := funcs.StringArg(x)
	return s
}

func noDetail([]value.Value) string { return "" }
