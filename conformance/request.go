package conformance

import (
	"bufio"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// requestTimeout bounds a request record's exchange, so a server that
// neither answers nor closes fails the record instead of hanging the run.
const requestTimeout = 10 * time.Second

// rawRequest builds the bytes a request record sends: its lines joined by
// LF, the escapes \n, \r, \t, \\ and \xNN decoded, and $LEN in the first
// line replaced by the byte length of the body that follows that line. A
// line `$ARGS` ends the body: the lines after it are the serialized
// arguments of a function or variable request, concatenated without
// separators.
func rawRequest(lines []string) ([]byte, error) {
	var body, args []byte
	inArgs := false
	for i, l := range lines[1:] {
		if l == "$ARGS" && !inArgs {
			inArgs = true
			continue
		}
		b, err := unescape(l)
		if err != nil {
			return nil, fmt.Errorf("request line %d: %w", i+2, err)
		}
		switch {
		case inArgs:
			args = append(args, b...)
		case i > 0:
			body = append(append(body, '\n'), b...)
		default:
			body = b
		}
	}
	head, err := unescape(lines[0])
	if err != nil {
		return nil, fmt.Errorf("request line 1: %w", err)
	}
	out := []byte(strings.ReplaceAll(string(head), "$LEN", strconv.Itoa(len(body))))
	out = append(append(out, '\n'), body...)
	return append(out, args...), nil
}

func unescape(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case '\\':
			out = append(out, '\\')
		case 'x':
			if i+2 >= len(s) {
				return nil, fmt.Errorf("incomplete \\x escape")
			}
			n, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				return nil, fmt.Errorf("bad \\x escape %q", s[i-1:i+3])
			}
			out = append(out, byte(n))
			i += 2
		default:
			return nil, fmt.Errorf("unknown escape \\%c", s[i])
		}
	}
	return out, nil
}

// SendRequest sends raw on a new connection to addr, as a client would,
// and reads the reply: its value, or the server's error text as the
// error. The connection stays open for writing until the reply is read:
// a server takes a client's end of stream for a disconnect and cancels
// the running request.
func SendRequest(addr string, raw []byte) (value.Value, error) {
	nc, err := net.DialTimeout("tcp", addr, requestTimeout)
	if err != nil {
		return nil, err
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(requestTimeout))
	if _, err := nc.Write(raw); err != nil {
		return nil, err
	}
	resp, err := wire.ReadResponse(bufio.NewReader(nc))
	if se, ok := err.(*wire.ServerError); ok {
		return nil, fmt.Errorf("%s", se.Msg)
	}
	if err != nil {
		return nil, fmt.Errorf("no reply to the request: %w", err)
	}
	return resp.Value, nil
}
