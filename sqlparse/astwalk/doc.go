// Package astwalk walks the trees package sqlparse builds: Inspect visits
// a node and its children depth first, InspectScript every statement of a
// script, with an explicit stack so that no depth of tree needs Go stack.
//
// It imports only package sqlparse; the parser itself never walks a tree,
// so the walk lives apart from it.
package astwalk
