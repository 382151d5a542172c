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
// ownership and the session's rules over databases), viewfuncs.Host
// (views_host.go: function views), sysfuncs.Host and
// jobs.Host (job_host.go: jobs and run-time settings) and temporal.Clock
// (the engine's clock).
//
// Engine declares no built-ins, nor the values text denotes by itself:
// literals and the constant names (INT, HASH, TABLE, pi) are package
// literal's. The operators the evaluator applies, and
// their function names (add ... rshift, neg, not, between, in, pair,
// seq), are package operator's; reading and assigning elements by
// position or key (x[i], x[i] = v, m[r, c]) is package access's; the
// configuration keys are package config's. Engine evaluates the operands
// and index expressions and calls them (ops.go, access.go, index.go).
//
// Shared objects and the statement locks sessions take on them are
// package sharedobj's; engine plans the locks over its frame and checks a
// session's rights before taking them (shared_lock.go).
//
// What the server is doing — the registry of open sessions, the request
// each runs, submitJob's background jobs and getPerf's figures — belongs
// to package jobs, and the run-time memory and connection limits to
// package memlimit; both reach the engine only through interfaces the
// interpreter implements (jobs.Host, memlimit.Host). Engine keeps the
// adapters: a session's entry in the registry and its request
// bookkeeping (session_registry.go), running a job's function in a
// background session (job_host.go), and the allocation and query-result
// checks the interpreter makes (limits.go).
//
// Modules: package modules reads module files from moduleDir, caches the
// modules an engine loaded and says which module's function a name means
// by DolphinDB's rules (a qualified m::f, the running module's functions,
// the session's imported modules); engine runs the use statement, looks
// names up among the session's definitions and the root namespace, and
// keeps what a session imported (modules.go).
//
// Access control: the store and its policy (who may read, write, create,
// drop, list or grant what) are package auth's; engine enforces that
// policy on its own objects (privileges.go: DFS tables and databases,
// shared tables) because only the interpreter knows which object a
// statement touches; it tells auth.Logins which session is logged in as
// whom.
// The security script functions are package authfuncs', which reaches
// the session through authfuncs.Host (authfuncs_host.go).
package engine
