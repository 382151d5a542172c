// Package ddberr is Porpoise's one error type for DolphinDB errors: the
// exact text DolphinDB gives, with the error code and kind read from it,
// and the one table of those texts with the manual page each comes from
// (Errorf formats an entry).
// An embedded engine (engine.Session.Run and friends) and the Go client
// (client.Conn.Run, as client.ServerError) both return *Error, and since
// the code and kind are derived from the text alone, the same failure
// yields an equal *Error on both paths:
//
//	var de *ddberr.Error
//	if errors.As(err, &de) && de.Kind == ddberr.Syntax { ... }
package ddberr
