package imoltp

// Syncs is how many times redo files were synced.
func Syncs() int64 { return syncs.Load() }

// SetRewriteAll makes updates and deletes rebuild the indexes and log
// the whole table (true), or change their rows alone (false).
func SetRewriteAll(on bool) { rewriteAll = on }

// Timers is how many checkpoint timers are running.
func Timers() int64 { return timers.Load() }
