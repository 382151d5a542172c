package memlimit

import (
	"errors"
	"fmt"
	"math"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// memLimitOfTaskGroupResult and the temporary-result limits bound
// map-reduce sub-query batches and join spill files in a DolphinDB
// cluster, which a single Porpoise node does not have: they are
// validated and reported as DolphinDB does.
func init() {
	funcs.Register(
		funcs.Spec{Name: "setMaxMemSize", Params: []string{"memSizeGB", "emergencyMemSizeGB"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: withLimits(setMaxMemSize)},
		funcs.Spec{Name: "getMemLimitOfQueryResult", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: withLimits(getMemLimitOfQueryResult)},
		funcs.Spec{Name: "setMemLimitOfQueryResult", Params: []string{"memLimit"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: withLimits(setMemLimitOfQueryResult)},
		funcs.Spec{Name: "setMaxConnections", Params: []string{"newValue"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: adminOnly("setMaxConnections", setMaxConnections)},
		funcs.Spec{Name: "setMemLimitOfTaskGroupResult", Params: []string{"memLimit"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: adminOnly("setMemLimitOfTaskGroupResult", setMemLimitOfTaskGroupResult)},
		funcs.Spec{Name: "getMemLimitOfTaskGroupResult", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: withLimits(getMemLimitOfTaskGroupResult)},
		funcs.Spec{Name: "setMemLimitOfTempResult", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: adminOnly("setMemLimitOfTempResult", tempLimit("X", func(l *Limits) *atomic.Pointer[float64] { return &l.temp }))},
		funcs.Spec{Name: "setMemLimitOfAllTempResults", Params: []string{"memLimit"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: adminOnly("setMemLimitOfAllTempResults", tempLimit("memLimit", func(l *Limits) *atomic.Pointer[float64] { return &l.allTemp }))},
		funcs.Spec{Name: "getMemLimitOfAllTempResults", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: withLimits(getMemLimitOfAllTempResults)},
	)
}

// Host is what these functions need of the calling interpreter beyond
// funcs.Env: its engine's limits.
type Host interface {
	funcs.Env
	// MemLimits are the limits of the session's engine.
	MemLimits() *Limits
}

// limitFn is one of these functions given the limits of the caller's
// engine.
type limitFn func(l *Limits, args []value.Value) (value.Value, error)

// withLimits runs f with the limits of the caller's engine.
func withLimits(f limitFn) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
		return f(h.MemLimits(), args)
	})
}

// adminOnly is withLimits for a command reserved to administrators,
// refused to others in DolphinDB's words.
func adminOnly(fn string, f limitFn) funcs.Impl {
	g := withLimits(f)
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		if err := funcs.RequireAdminCan(env, fn); err != nil {
			return nil, err
		}
		return g(env, args)
	}
}

// gbArg is a positive numeric scalar in GB.
func gbArg(x value.Value, what string) (float64, error) {
	gb, ok := funcs.PositiveArg(x)
	if !ok {
		return 0, fmt.Errorf("%s must be a positive numeric scalar.", what)
	}
	return gb, nil
}

// setMaxMemSize changes the memory cap scripts allocate against. Porpoise
// has no emergency memory area, so emergencyMemSizeGB is only checked
// against the manual's bounds.
func setMaxMemSize(l *Limits, args []value.Value) (value.Value, error) {
	gb, ok := funcs.PositiveArg(args[0])
	if !ok {
		return nil, errors.New("memSizeGB must be a positive numeric scalar.")
	}
	if len(args) > 1 && args[1] != nil {
		em, ok := funcs.PositiveArg(args[1])
		if !ok || em >= gb/2 {
			return nil, errors.New("emergencyMemSizeGB must be positive and less than 50% of memSizeGB.")
		}
	}
	l.maxMemSize.Store(&gb)
	return nil, nil
}

func getMemLimitOfQueryResult(l *Limits, _ []value.Value) (value.Value, error) {
	return value.NewDouble(l.QueryResultBytes()), nil
}

func setMaxConnections(l *Limits, args []value.Value) (value.Value, error) {
	n, err := funcs.IntArg("setMaxConnections", "newValue", args[0], 0)
	if err != nil || n <= 0 || n >= 1<<16 {
		return nil, errors.New("newValue must be a positive integer less than 65536.")
	}
	// A value not above the current maximum has no effect (the manual).
	for {
		old := l.maxConnections.Load()
		cur := old
		if cur <= 0 {
			cur = int64(l.MaxConnections())
		}
		if n <= cur || l.maxConnections.CompareAndSwap(old, n) {
			return nil, nil
		}
	}
}

// resultLimit validates memLimit, in GB, against (0, frac of maxMemSize)
// and stores it in bytes in the limit dst picks.
func resultLimit(frac float64, tooLarge string, dst func(*Limits) *atomic.Pointer[float64]) limitFn {
	return func(l *Limits, args []value.Value) (value.Value, error) {
		gb, err := gbArg(args[0], "memLimit")
		if err != nil {
			return nil, err
		}
		bytes := gb * (1 << 30)
		if m := float64(l.MemLimit()); m > 0 && bytes >= frac*m {
			return nil, errors.New(tooLarge)
		}
		dst(l).Store(&bytes)
		return nil, nil
	}
}

var (
	setMemLimitOfQueryResult     = resultLimit(0.8, "memLimit must be less than 80% * maxMemSize.", func(l *Limits) *atomic.Pointer[float64] { return &l.queryResult })
	setMemLimitOfTaskGroupResult = resultLimit(0.5, "memLimit must be less than 50% * maxMemSize.", func(l *Limits) *atomic.Pointer[float64] { return &l.taskGroup })
)

func getMemLimitOfTaskGroupResult(l *Limits, _ []value.Value) (value.Value, error) {
	return value.NewDouble(l.taskGroupBytes()), nil
}

// tempLimit validates its argument (param) against (0, maxMemSize] and
// stores it in the limit dst picks.
func tempLimit(param string, dst func(*Limits) *atomic.Pointer[float64]) limitFn {
	return func(l *Limits, args []value.Value) (value.Value, error) {
		gb, err := gbArg(args[0], param)
		if err != nil {
			return nil, err
		}
		if m := float64(l.MemLimit()); m > 0 && gb*(1<<30) > m {
			return nil, fmt.Errorf("%s must not be greater than maxMemSize.", param)
		}
		dst(l).Store(&gb)
		return nil, nil
	}
}

// getMemLimitOfAllTempResults is in GB, as the manual's example prints
// (default 20% of maxMemSize).
func getMemLimitOfAllTempResults(l *Limits, _ []value.Value) (value.Value, error) {
	if p := l.allTemp.Load(); p != nil {
		return value.NewDouble(*p), nil
	}
	if gb := l.cfg.AllTempGB; gb > 0 {
		return value.NewDouble(gb), nil
	}
	return value.NewDouble(math.Round(0.2*float64(l.MemLimit())/(1<<30)*1000) / 1000), nil
}
