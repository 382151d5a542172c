// Package plainbody says whether a script function's body is plain: made
// only of statements and expressions the interpreter evaluates without
// handing itself to anything that may keep it, but for calls, which the
// interpreter watches itself. A plain call's frame can serve another call
// once it returns.
package plainbody
