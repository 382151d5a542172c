package sysfuncs

import (
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Heap sampling maps onto Go's memory profiler: startHeapSample sets the
// sampling interval (runtime.MemProfileRate, bytes between samples, as
// DolphinDB's TCMALLOC_SAMPLE_PARAMETER), stopHeapSample turns sampling
// off, and dumpHeapSample writes the sampled heap as a pprof profile
// (read it with `go tool pprof`).

// maxSampleParameter is the largest sampling interval DolphinDB accepts.
const maxSampleParameter = 524288

func init() {
	funcs.Register(
		funcs.Spec{Name: "startHeapSample", Params: []string{"sampleParameter"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: startHeapSample},
		funcs.Spec{Name: "stopHeapSample", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "system", Fn: stopHeapSample},
		funcs.Spec{Name: "dumpHeapSample", Params: []string{"filename"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "system", Fn: dumpHeapSample},
	)
}

func startHeapSample(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := funcs.RequireAdminCan(env, "startHeapSample"); err != nil {
		return nil, err
	}
	n, err := funcs.IntArg("startHeapSample", "sampleParameter", args[0], 0)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > maxSampleParameter {
		return nil, ddberr.Errorf("The argument [sampleParameter] of startHeapSample must be in [1, 524288].")
	}
	runtime.MemProfileRate = int(n)
	return nil, nil
}

func stopHeapSample(env funcs.Env, _ []value.Value) (value.Value, error) {
	if err := funcs.RequireAdminCan(env, "stopHeapSample"); err != nil {
		return nil, err
	}
	runtime.MemProfileRate = 0
	return nil, nil
}

func dumpHeapSample(env funcs.Env, args []value.Value) (value.Value, error) {
	if err := funcs.RequireAdminCan(env, "dumpHeapSample"); err != nil {
		return nil, err
	}
	name, ok := funcs.StringArg(args[0])
	if !ok || name == "" {
		return nil, ddberr.Errorf("The argument [filename] of dumpHeapSample must be a file path.")
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, ddberr.Errorf("Failed to create the heap sample file %s: %s", name, err.Error())
	}
	runtime.GC() // the profile describes the heap as of the last collection
	werr := pprof.Lookup("heap").WriteTo(f, 0)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return nil, ddberr.Errorf("Failed to write the heap sample file %s: %s", name, werr.Error())
	}
	return nil, nil
}
