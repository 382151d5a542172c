// Package filehome is the directory an engine's file functions (loadText,
// saveText, file, files ...) resolve relative paths against and are
// confined to: the data directory, or for an in-memory engine a scratch
// directory made on first use and removed when the engine closes, so an
// embedded engine leaves nothing behind.
package filehome
