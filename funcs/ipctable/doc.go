// Package ipctable registers DolphinDB's IPC in-memory tables
// (createIPCInMemoryTable, loadIPCInMemoryTable, dropIPCInMemoryTable):
// tables every session of the engine reaches by name, created and
// dropped explicitly. Porpoise keeps them in the engine's memory, not in
// the operating system's shared memory DolphinDB's C++ readers attach
// to, so they live as long as the engine. It imports only the funcs core.
package ipctable
