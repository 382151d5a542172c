package filehome

import (
	"os"
	"path/filepath"
	"sync"
)

// Home is an engine's file home. Its zero value is an in-memory engine's;
// it is safe for concurrent use.
type Home struct {
	// DataDir is the engine's data directory, "" for an in-memory engine;
	// set it before the first Dir.
	DataDir string

	once    sync.Once
	dir     string
	err     error
	scratch bool
}

// Dir is the home's absolute path, made on first use for an in-memory
// engine.
func (h *Home) Dir() (string, error) {
	h.once.Do(func() {
		if h.DataDir != "" {
			h.dir, h.err = filepath.Abs(h.DataDir)
			return
		}
		h.dir, h.err = os.MkdirTemp("", "porpoise-home-")
		h.scratch = h.err == nil
	})
	return h.dir, h.err
}

// Close removes a scratch home with what the engine wrote there; no
// directory is made after it.
func (h *Home) Close() {
	h.once.Do(func() {})
	if h.scratch {
		os.RemoveAll(h.dir)
	}
}
