// Package astwalk walks the trees package sqlparse builds: Inspect visits
// a node and its children depth first, with an explicit stack so that no
// depth of tree needs Go stack, and InspectScript every statement of a
// script; Rewrite copies an expression with the nodes a callback replaces
// (the one rewriter of analytic calls, engine metrics and inlined
// functions).
//
// It imports only package sqlparse; the parser itself never walks a tree,
// so the walk lives apart from it.
package astwalk
