package conformance

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Kind is a record's kind.
type Kind uint8

// Record kinds.
const (
	StatementOK Kind = iota
	StatementError
	Query
	// Call calls a function by name with uploaded arguments, as the
	// clients' run(name, args...) does (the function-call path).
	Call
	// Request sends raw protocol bytes on a connection of its own, as a
	// client does, and checks the reply (request ok | request error).
	Request
)

// Record is one statement, query or call of a .test file.
type Record struct {
	Line     int // 1-based line of the record header
	Kind     Kind
	ErrText  string // statement error: required substring ("" = any error)
	RowSort  bool
	Script   string
	Expected []string

	// Func is the function a call record calls; Args are its argument
	// expressions, one per script line, evaluated in the session before
	// the call. CallError marks a call record that must fail with ErrText.
	Func      string
	Args      []string
	CallError bool

	// Raw is the bytes a request record sends (see rawRequest).
	Raw []byte

	// New marks a record whose expected output is to be written by
	// -rewrite; End is the 0-based line after the record (for rewriting).
	New bool
	End int
}

// File is a parsed .test file.
type File struct {
	Path    string
	Config  [][2]string // config KEY VALUE lines, in order
	Records []Record
}

// ParseFile reads and parses a .test file.
func ParseFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(string(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.Path = path
	return f, nil
}

// Parse parses the text of a .test file.
func Parse(text string) (*File, error) {
	f := &File{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var lines []string
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		fields := strings.Fields(trim)
		rec := Record{Line: i + 1}
		switch fields[0] {
		case "config":
			if len(f.Records) > 0 {
				return nil, fmt.Errorf("line %d: config must come before the first statement", i+1)
			}
			if len(fields) != 3 {
				return nil, fmt.Errorf("line %d: config needs KEY VALUE", i+1)
			}
			f.Config = append(f.Config, [2]string{fields[1], fields[2]})
			continue
		case "statement":
			if len(fields) < 2 {
				return nil, fmt.Errorf("line %d: statement needs ok or error", i+1)
			}
			switch fields[1] {
			case "ok":
				rec.Kind = StatementOK
			case "error":
				rec.Kind = StatementError
				rec.ErrText = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(trim, "statement")), "error"))
			default:
				return nil, fmt.Errorf("line %d: unknown statement kind %q", i+1, fields[1])
			}
		case "query":
			rec.Kind = Query
			for _, opt := range fields[1:] {
				switch opt {
				case "rowsort":
					rec.RowSort = true
				case "new":
					rec.New = true
				default:
					return nil, fmt.Errorf("line %d: unknown query option %q", i+1, opt)
				}
			}
		case "call":
			// call NAME [rowsort] [new] | call NAME error [TEXT]
			if len(fields) < 2 {
				return nil, fmt.Errorf("line %d: call needs a function name", i+1)
			}
			rec.Kind = Call
			rec.Func = fields[1]
			for k := 2; k < len(fields); k++ {
				switch fields[k] {
				case "rowsort":
					rec.RowSort = true
				case "new":
					rec.New = true
				case "error":
					rec.CallError = true
					rec.ErrText = strings.TrimSpace(strings.SplitN(trim, " error", 2)[1])
					k = len(fields)
				default:
					return nil, fmt.Errorf("line %d: unknown call option %q", i+1, fields[k])
				}
			}
		case "request":
			// request ok | request error [TEXT]
			rec.Kind = Request
			switch {
			case len(fields) == 2 && fields[1] == "ok":
			case len(fields) >= 2 && fields[1] == "error":
				rec.CallError = true
				rec.ErrText = strings.TrimSpace(strings.SplitN(trim, " error", 2)[1])
			default:
				return nil, fmt.Errorf("line %d: request needs ok or error", i+1)
			}
		default:
			return nil, fmt.Errorf("line %d: unknown record %q", i+1, fields[0])
		}
		var script []string
		i++
		for ; i < len(lines) && strings.TrimSpace(lines[i]) != "" && lines[i] != "----"; i++ {
			script = append(script, lines[i])
		}
		if len(script) == 0 && rec.Kind != Call {
			return nil, fmt.Errorf("line %d: record without a script", rec.Line)
		}
		rec.Script = strings.Join(script, "\n")
		if rec.Kind == Call {
			rec.Args = script
		}
		if rec.Kind == Request {
			raw, err := rawRequest(script)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", rec.Line, err)
			}
			rec.Raw = raw
		}
		if rec.Kind == Query || (rec.Kind == Call && !rec.CallError) {
			if i >= len(lines) || lines[i] != "----" {
				return nil, fmt.Errorf("line %d: query without ----", rec.Line)
			}
			i++
			rec.Expected = []string{}
			for ; i < len(lines) && lines[i] != ""; i++ {
				rec.Expected = append(rec.Expected, lines[i])
			}
		}
		rec.End = i
		f.Records = append(f.Records, rec)
	}
	return f, nil
}
