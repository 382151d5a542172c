package sysfuncs

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// DolphinDB plugins are native shared libraries built against DolphinDB's
// C++ runtime; Porpoise cannot load them (loadPlugin, installPlugin and
// listRemotePlugins are listed as unsupported with that reason), so the
// list of loaded plugins is always empty.

func init() {
	funcs.Register(funcs.Spec{Name: "getLoadedPlugins", Min: 0, Max: 0, Props: funcs.Session, Category: "system",
		Fn: func(funcs.Env, []value.Value) (value.Value, error) {
			return value.NewTable([]string{"plugin", "version", "user", "time"}, []*value.Vector{
				value.NewVector(value.String, 0, 0), value.NewVector(value.String, 0, 0),
				value.NewVector(value.String, 0, 0), value.NewVector(value.Timestamp, 0, 0),
			}), nil
		}})
}
