// Package memlimit owns the memory and connection limits a running
// server enforces and can change at run time — maxMemSize,
// memLimitOfQueryResult, memLimitOf{TaskGroup,Temp,AllTemp}Result(s),
// maxConnections — the memory estimate of values they are checked
// against, and the script functions that set and read them
// (setMaxMemSize, setMemLimitOfQueryResult, setMaxConnections ...).
//
// It registers those functions into package funcs from init and reaches
// the engine only through Host; it imports nothing above funcs, and the
// interpreter calls Limits.Reserve and Limits.CheckQueryResult where a
// script allocates or a query returns.
package memlimit
