package engine

import (
	"errors"
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The connection and memory limits of dolphindb.cfg that change at run
// time: maxConnections (setMaxConnections) and the memLimitOf* family.
// The server reads MaxConnections per accepted connection; SQL checks a
// query's result against memLimitOfQueryResult. memLimitOfTaskGroupResult
// and the temporary-result limits bound map-reduce sub-query batches and
// join spill files in a DolphinDB cluster, which a single Porpoise node
// does not have: they are validated and reported as DolphinDB does.

// limits are the engine's run-time limits; nil pointers mean "as
// configured".
type limits struct {
	maxConnections atomic.Int64
	taskGroup      atomic.Pointer[float64] // bytes
	temp           atomic.Pointer[float64] // GB
	allTemp        atomic.Pointer[float64] // GB
}

func init() {
	funcs.Register(
		funcs.Spec{Name: "setMaxConnections", Params: []string{"newValue"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetMaxConnections},
		funcs.Spec{Name: "setMemLimitOfTaskGroupResult", Params: []string{"memLimit"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetMemLimitOfTaskGroupResult},
		funcs.Spec{Name: "getMemLimitOfTaskGroupResult", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetMemLimitOfTaskGroupResult},
		funcs.Spec{Name: "setMemLimitOfTempResult", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetMemLimitOfTempResult},
		funcs.Spec{Name: "setMemLimitOfAllTempResults", Params: []string{"memLimit"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: xsetMemLimitOfAllTempResults},
		funcs.Spec{Name: "getMemLimitOfAllTempResults", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetMemLimitOfAllTempResults},
	)
}

// MaxConnections is the cap on client connections (maxConnections, as
// raised by setMaxConnections).
func (e *Engine) MaxConnections() int {
	if n := e.limits.maxConnections.Load(); n > 0 {
		return int(n)
	}
	if e.cfg.MaxConnections > 0 {
		return e.cfg.MaxConnections
	}
	return DefaultConfig().MaxConnections
}

// TCPUserTimeout is the configured TCP_USER_TIMEOUT of client connections
// (0: the system's).
func (e *Engine) TCPUserTimeout() time.Duration {
	return time.Duration(e.cfg.TCPUserTimeout) * time.Millisecond
}

// requireAdmin refuses a command to users other than admin, in
// DolphinDB's words.
func requireAdmin(env funcs.Env, fn string) error {
	if env.(*interp).s.user != "admin" {
		return ddberr.Errorf("Only administrators can execute function %s.", fn)
	}
	return nil
}

func xsetMaxConnections(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := requireAdmin(env, "setMaxConnections"); err != nil {
		return nil, err
	}
	e := env.(*interp).s.eng
	n, err := funcs.IntArg("setMaxConnections", "newValue", args[0], 0)
	if err != nil || n <= 0 || n >= 1<<16 {
		return nil, errors.New("newValue must be a positive integer less than 65536.")
	}
	// A value not above the current maximum has no effect (the manual).
	for {
		old := e.limits.maxConnections.Load()
		cur := old
		if cur <= 0 {
			cur = int64(e.MaxConnections())
		}
		if n <= cur || e.limits.maxConnections.CompareAndSwap(old, n) {
			return nil, nil
		}
	}
}

// gbArg is a positive numeric scalar in GB.
func gbArg(x value.Value, what string) (float64, error) {
	gb, ok := positiveNumber(x)
	if !ok {
		return 0, fmt.Errorf("%s must be a positive numeric scalar.", what)
	}
	return gb, nil
}

// maxMemBytes is maxMemSize in bytes, 0 when unknown.
func (e *Engine) maxMemBytes() float64 { return float64(e.memLimit()) }

// defaultTaskGroupLimit is min(20% * maxMemSize, 2G).
func (e *Engine) defaultTaskGroupLimit() float64 {
	limit := 0.2 * e.maxMemBytes()
	if limit <= 0 || limit > 2<<30 {
		limit = 2 << 30
	}
	return limit
}

func xsetMemLimitOfTaskGroupResult(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := requireAdmin(env, "setMemLimitOfTaskGroupResult"); err != nil {
		return nil, err
	}
	e := env.(*interp).s.eng
	gb, err := gbArg(args[0], "memLimit")
	if err != nil {
		return nil, err
	}
	bytes := gb * (1 << 30)
	if m := e.maxMemBytes(); m > 0 && bytes >= 0.5*m {
		return nil, errors.New("memLimit must be less than 50% * maxMemSize.")
	}
	e.limits.taskGroup.Store(&bytes)
	return nil, nil
}

func xgetMemLimitOfTaskGroupResult(env funcs.Env, _ []value.Value) (value.Value, error) {
	e := env.(*interp).s.eng
	if p := e.limits.taskGroup.Load(); p != nil {
		return value.NewDouble(*p), nil
	}
	if gb := e.cfg.MemLimitOfTaskGroupResult; gb > 0 {
		return value.NewDouble(gb * (1 << 30)), nil
	}
	return value.NewDouble(e.defaultTaskGroupLimit()), nil
}

// setTempLimit validates X against (0, maxMemSize] and stores it.
func setTempLimit(env funcs.Env, fn, param string, x value.Value, dst *atomic.Pointer[float64]) (value.Value, error) {
	if err := requireAdmin(env, fn); err != nil {
		return nil, err
	}
	e := env.(*interp).s.eng
	gb, err := gbArg(x, param)
	if err != nil {
		return nil, err
	}
	if m := e.maxMemBytes(); m > 0 && gb*(1<<30) > m {
		return nil, fmt.Errorf("%s must not be greater than maxMemSize.", param)
	}
	dst.Store(&gb)
	return nil, nil
}

func xsetMemLimitOfTempResult(env funcs.Env, args []value.Value) (value.Value, error) {
	return setTempLimit(env, "setMemLimitOfTempResult", "X", args[0], &env.(*interp).s.eng.limits.temp)
}

func xsetMemLimitOfAllTempResults(env funcs.Env, args []value.Value) (value.Value, error) {
	return setTempLimit(env, "setMemLimitOfAllTempResults", "memLimit", args[0], &env.(*interp).s.eng.limits.allTemp)
}

// xgetMemLimitOfAllTempResults is in GB, as the manual's example prints
// (default 20% of maxMemSize).
func xgetMemLimitOfAllTempResults(env funcs.Env, _ []value.Value) (value.Value, error) {
	e := env.(*interp).s.eng
	if p := e.limits.allTemp.Load(); p != nil {
		return value.NewDouble(*p), nil
	}
	if gb := e.cfg.MemLimitOfAllTempResults; gb > 0 {
		return value.NewDouble(gb), nil
	}
	return value.NewDouble(math.Round(0.2*e.maxMemBytes()/(1<<30)*1000) / 1000), nil
}

// queryResultLimitBytes is memLimitOfQueryResult in bytes: as set by
// setMemLimitOfQueryResult, else as configured, else DolphinDB's default.
func (e *Engine) queryResultLimitBytes() float64 {
	if p := e.queryResultLimit.Load(); p != nil {
		return *p
	}
	if gb := e.cfg.MemLimitOfQueryResult; gb > 0 {
		return gb * (1 << 30)
	}
	return e.defaultQueryResultLimit()
}

// checkQueryResult refuses a query result larger than
// memLimitOfQueryResult. Porpoise materialises the whole result before
// this check, so it protects the reply (its encoding and the client's
// memory) and the session variables, as the limit does in DolphinDB.
func (in *interp) checkQueryResult(v value.Value) error {
	if v == nil {
		return nil
	}
	limit := in.s.eng.queryResultLimitBytes()
	if gb := in.s.userLimit(auth.QueryResultMemLimit); gb > 0 {
		limit = gb * (1 << 30)
	}
	if n := estimateBytes(v); float64(n) > limit {
		return ddberr.Errorf("The memory used by the query result (%d bytes) exceeds memLimitOfQueryResult (%.0f bytes).", n, limit)
	}
	return nil
}
