package engine

import (
	"os"
	"path/filepath"
	"sync"
)

// fileHome is the directory the file functions (loadText, saveText,
// file, files ...) resolve relative paths against and are confined to:
// the data directory, or for an in-memory engine a scratch directory made
// on first use and removed by Close, so an embedded engine leaves nothing
// behind.
type fileHome struct {
	once    sync.Once
	dir     string
	err     error
	scratch bool
}

// FileHome implements filesys.Home.
func (in *interp) FileHome() (string, error) { return in.s.eng.fileHome() }

func (e *Engine) fileHome() (string, error) {
	h := &e.home
	h.once.Do(func() {
		if !e.opts.InMemory {
			h.dir, h.err = filepath.Abs(e.opts.DataDir)
			return
		}
		h.dir, h.err = os.MkdirTemp("", "porpoise-home-")
		h.scratch = h.err == nil
	})
	return h.dir, h.err
}

// removeScratchHome deletes an in-memory engine's scratch home directory.
func (e *Engine) removeScratchHome() {
	h := &e.home
	h.once.Do(func() {}) // no directory is made after Close
	if h.scratch {
		os.RemoveAll(h.dir)
	}
}
