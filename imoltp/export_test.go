package imoltp

// Syncs is how many times redo files were synced.
func Syncs() int64 { return syncs.Load() }
