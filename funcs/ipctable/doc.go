// Package ipctable registers DolphinDB's IPC in-memory tables
// (createIPCInMemoryTable, loadIPCInMemoryTable, dropIPCInMemoryTable):
// tables every session of the engine reaches by name, created and
// dropped explicitly. Porpoise keeps them in the engine's memory, not in
// the operating system's shared memory DolphinDB's C++ readers attach
// to, so they don't outlive the engine. The engine keeps them as handles
// of its shared catalog (package sharedobj): a statement naming one,
// through any variable bound to it, holds its lock as it would a shared
// table's. It imports only the funcs core.
package ipctable
