package textio

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// sampleBytes is how much of the file's start textChunkDS reads to settle
// the column names and types every chunk is parsed with (loadText infers
// them from its first records too).
const sampleBytes = 4 << 20

// textChunkDS splits a text file at line ends into data sources of about
// chunkSize MB each. The names and types come from the file's start (or
// the schema), so every chunk loads into the same columns; only the first
// chunk skips skipRows and the header line. Each source reads its byte
// range when materialised (mr, imr), so the whole file is never in memory.
func textChunkDS(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "textChunkDS"
	o, err := parseOptions(fn, args, [6]int{2, 3, 4, 5, 6, 7})
	if err != nil {
		return nil, err
	}
	mb, err := funcs.IntArg(fn, "chunkSize", args[1], 0)
	if err != nil || mb < 1 || mb > 2048 {
		return nil, ddberr.Errorf("The argument [chunkSize] of textChunkDS must be an integer between 1 and 2048.")
	}
	name, path, err := fileArg(env, fn, args[0])
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, filesys.OpenError(name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, filesys.OpenError(name, err)
	}
	if o.plans == nil {
		sample, err := readRange(f, 0, min(st.Size(), sampleBytes))
		if err != nil {
			return nil, filesys.OpenError(name, err)
		}
		if i := bytes.LastIndexByte(sample, '\n'); i >= 0 && int64(len(sample)) < st.Size() {
			sample = sample[:i+1]
		}
		p, err := prepare(fn, sample, o)
		if err != nil {
			return nil, err
		}
		o.plans = p.plans
	}
	ends, err := chunkEnds(f, st.Size(), mb<<20)
	if err != nil {
		return nil, filesys.OpenError(name, err)
	}
	out := make([]value.Value, len(ends))
	start := int64(0)
	for i, end := range ends {
		co := o
		if i > 0 {
			co.skipRows, co.header = 0, 0
		}
		from, to := start, end
		out[i] = &system.DataSource{
			Desc: fmt.Sprintf("text chunk of %s, bytes %d to %d", name, from, to),
			Load: func(env funcs.Env) (value.Value, error) {
				data, err := readFileRange(path, from, to)
				if err != nil {
					return nil, filesys.OpenError(name, err)
				}
				return loadTable(env, fn, data, co)
			},
		}
		start = end
	}
	return value.NewTuple(out), nil
}

// chunkEnds cuts a file of size bytes into ranges of about chunk bytes,
// each ending just after a line break (or at the end of the file), and
// returns the end offsets.
func chunkEnds(f *os.File, size, chunk int64) ([]int64, error) {
	var ends []int64
	buf := make([]byte, 64<<10)
	for pos := int64(0); pos < size; {
		next := pos + chunk
		if next >= size {
			ends = append(ends, size)
			break
		}
		// move next past the line break at or after it
		for next < size {
			n, err := f.ReadAt(buf, next)
			if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
				next += int64(i) + 1
				break
			}
			next += int64(n)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
		}
		ends = append(ends, min(next, size))
		pos = next
	}
	return ends, nil
}

// readFileRange reads bytes [from, to) of the file at path.
func readFileRange(path string, from, to int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRange(f, from, to)
}

// readRange reads bytes [from, to) of f.
func readRange(f *os.File, from, to int64) ([]byte, error) {
	data := make([]byte, to-from)
	n, err := f.ReadAt(data, from)
	if err == io.EOF {
		err = nil
	}
	return data[:n], err
}
