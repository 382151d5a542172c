package filesys

import (
	"bufio"
	"errors"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Handle is an open file, the value file() returns. Reads go through a
// buffer; writes go straight to the file (so fflush has nothing left to
// push and a reader opened later sees them), after the read buffer's
// unread bytes are given back by seeking.
type Handle struct {
	name string
	mu   sync.Mutex
	f    *os.File
	r    *bufio.Reader
	// big is set when the file was opened big endian (file's
	// isLittleEndian=false): read! and readRecord! swap bytes.
	big bool
}

// Form implements value.Value.
func (h *Handle) Form() value.Form { return value.FormScalar }

// Type implements value.Value: a file handle is a HANDLE.
func (h *Handle) Type() value.Type { return value.Handle }

// String implements value.Value.
func (h *Handle) String() string { return "File<" + h.name + ">" }

var errClosed = ddberr.Errorf("The file handle is closed.")

// errEOF is DolphinDB's text for reading past the end (IO error 7 of the
// error-code pages).
var errEOF = ddberr.Errorf("Reach the end of a file or a buffer.")

var modes = map[string]int{
	"r":  os.O_RDONLY,
	"r+": os.O_RDWR,
	"w":  os.O_WRONLY | os.O_CREATE | os.O_TRUNC,
	"w+": os.O_RDWR | os.O_CREATE | os.O_TRUNC,
	"a":  os.O_WRONLY | os.O_CREATE | os.O_APPEND,
	"a+": os.O_RDWR | os.O_CREATE | os.O_APPEND,
}

func openHandle(path, name, mode string, big bool) (*Handle, error) {
	flags, ok := modes[mode]
	if !ok {
		return nil, ddberr.Errorf("Invalid file open mode [%s]. It must be one of r, r+, w, w+, a and a+.", mode)
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return nil, OpenError(name, err)
	}
	h := &Handle{name: name, f: f, big: big}
	// a handle the script drops without close() must not keep the
	// descriptor for the server's lifetime
	runtime.SetFinalizer(h, func(h *Handle) { h.close() })
	return h, nil
}

func (h *Handle) close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.f == nil {
		return nil
	}
	err := h.f.Close()
	h.f, h.r = nil, nil
	return err
}

// reader returns the buffered reader; the caller holds mu.
func (h *Handle) reader() (*bufio.Reader, error) {
	if h.f == nil {
		return nil, errClosed
	}
	if h.r == nil {
		h.r = bufio.NewReaderSize(h.f, 64<<10)
	}
	return h.r, nil
}

// unread gives the read buffer's bytes back to the file before a write
// or seek; the caller holds mu.
func (h *Handle) unread() error {
	if h.f == nil {
		return errClosed
	}
	if h.r != nil && h.r.Buffered() > 0 {
		if _, err := h.f.Seek(int64(-h.r.Buffered()), io.SeekCurrent); err != nil {
			return err
		}
	}
	h.r = nil
	return nil
}

// readLine reads a line without its line ending; ok is false at the end.
func (h *Handle) readLine() (string, bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.reader()
	if err != nil {
		return "", false, err
	}
	return readLine(r)
}

func readLine(r *bufio.Reader) (string, bool, error) {
	line, err := r.ReadString('\n')
	if err == io.EOF {
		if line == "" {
			return "", false, nil
		}
		err = nil
	}
	if err != nil {
		return "", false, err
	}
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		n--
		if n > 0 && line[n-1] == '\r' {
			n--
		}
	}
	return line[:n], true, nil
}

func (h *Handle) readLines(max int) ([]string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.reader()
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, min(max, 1024))
	for len(out) < max {
		s, ok, err := readLine(r)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		out = append(out, s)
	}
	return out, nil
}

func (h *Handle) readBytes(n int) ([]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, err := h.reader()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errEOF
		}
		return nil, err
	}
	return buf, nil
}

func (h *Handle) write(b []byte) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.unread(); err != nil {
		return err
	}
	_, err := h.f.Write(b)
	return err
}

func (h *Handle) seek(off int64, whence int) (int64, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.unread(); err != nil {
		return 0, err
	}
	return h.f.Seek(off, whence)
}

func (h *Handle) sync() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.f == nil {
		return errClosed
	}
	return nil // writes are unbuffered: the operating system has them
}
