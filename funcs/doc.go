// Package funcs is the registry of DolphinDB's built-in functions: each
// built-in is declared once, as a Spec with its name, DolphinDB's parameter
// names, arity and properties (aggregate, element-wise, order-sensitive,
// pure, mutating, command), and the interpreter, the SQL planner and the
// partition pruner read those facts from here and nowhere else.
//
// Functions that need only their arguments and the calling interpreter's
// Env live in this package, one file per category of DolphinDB's function
// reference. Packages that own a resource (the catalog, DFS databases)
// register the functions over that resource from their own init, into the
// same registry.
package funcs
