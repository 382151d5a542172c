package engine

import "github.com/porpoisedb/porpoise/funcs/logging"

// The interpreter is the Host of package funcs/logging (writeLog and the
// log's level and archives).
var _ logging.Host = (*interp)(nil)

// ServerLog implements logging.Host: the Log of the engine's options.
func (in *interp) ServerLog() logging.Log { return in.s.eng.opts.Log }
