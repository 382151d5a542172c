// Package viewfuncs registers DolphinDB's function views
// (addFunctionView, dropFunctionView, getFunctionViews): user functions
// every session can call with the view's rights over DFS tables, kept
// across restarts. It reaches the interpreter through Host, which the
// engine's funcs.Env implementation satisfies.
package viewfuncs
