// Package modules finds, reads, parses and writes DolphinDB module files
// and keeps the modules an engine has loaded; the engine binds their
// functions to sessions.
//
// A module named a::b::c lives in <moduleDir>/a/b/c.dos, a script whose
// first statement is `module a::b::c`; besides that, only its `use`
// statements (the modules it depends on, loaded with it) and function
// definitions count, as DolphinDB ignores any other code in a module
// (tutorials/module_tutorial.md). `use` reads the .dos file when both a
// .dos and a .dom exist, loadModule the .dom (use.md, loadModule.md).
//
// The .dom files are our own format, not DolphinDB's: DolphinDB's .dom is
// a compiled, encrypted form we cannot read. saveModule writes a
// "PORPOISE-DOM 1" header line followed by the module's source,
// zlib-compressed; only .dom files written by Porpoise load. A DolphinDB
// .dom is refused with an error saying so, and its .dos can be used
// instead.
//
// Registry resolves moduleDir under the engine's home directory, and
// Resolve says which module's function a call names (use.md). It caches
// modules by name: a module is parsed once and every session that uses
// it shares it until ClearCache (clearCachedModules); modules loaded
// system-wide (loadModule, preloadModules) are not cleared and win over
// the files, as DolphinDB's loadModule does.
package modules
