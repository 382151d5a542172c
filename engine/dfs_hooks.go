package engine

// openStorage and closeStorage attach the engine's dfs:// store; see
// dfs.go once storage lands.
func (e *Engine) openStorage() error  { return nil }
func (e *Engine) closeStorage() error { return nil }

func (e *Engine) existsDatabase(path string) bool { return false }
