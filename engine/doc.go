// Package engine runs DolphinDB script: sessions and their variables,
// shared tables, and the interpreter over sqlparse's AST; the embedded Go
// API and the wire server both call it. SQL statements go to package
// query (engine is its query.Env: query_env.go), built-in functions live
// in the funcs registry, and databases and partitioned tables belong to
// package dfs, which engine wraps as script values (ptable.go).
//
// Every built-in is a funcs.Spec; engine keeps no list of functions of
// its own. The families reach what only the interpreter has through
// small interfaces it implements: funcs.Env (funcs_env.go), system.Host
// (system_host.go: frames, shared objects, the insert paths INSERT INTO
// shares, the user), dbfuncs.Host and Access (dbfuncs_host.go: catalog,
// ownership and the session's rules over databases), sysfuncs.Host
// (job_host.go, settings_host.go: jobs and run-time settings) and
// temporal.Clock (the engine's clock).
//
// The built-ins engine still declares, and why:
//   - the operators' functions (add ... rshift, neg, not, between, in,
//     pair, seq: builtins_operator.go) share their kernels with the
//     operators the evaluator applies (ops.go, setops.go), so they stay
//     beside them;
//   - the background jobs' functions (jobs.go) run on the job registry
//     engine owns (reg in builtins.go declares them as Specs).
//
// Access control: the store and its policy (who may read, write, create,
// drop, list or grant what) are package auth's; engine enforces that
// policy on its own objects (privileges.go: DFS tables and databases,
// shared tables) because only the interpreter knows which object a
// statement touches, and it records which session is logged in as whom.
// The security script functions are package authfuncs', which reaches
// the session through authfuncs.Host (authfuncs_host.go).
package engine
