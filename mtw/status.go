package mtw

import (
	"fmt"
	"strings"
)

// ThreadStatus is one line of Status.ThreadStatus.
type ThreadStatus struct {
	// ThreadID is 0 for the conversion stage (line 0) and the writer
	// goroutine's id for the others (Go has no OS thread ids to show).
	ThreadID       uint64
	SentRows       int
	UnsentRows     int
	SendFailedRows int
}

// Status is a snapshot of a Writer (Python's MultithreadedTableWriterStatus).
type Status struct {
	// IsExiting is set once an error occurred or WaitForThreadCompletion
	// was called.
	IsExiting bool
	// ErrorCode is "" or "A<n>"; ErrorInfo its message.
	ErrorCode string
	ErrorInfo string
	// SentRows were written; UnsentRows wait for conversion or sending;
	// SendFailedRows failed (conversion failures included). Each total is
	// the sum over ThreadStatus.
	SentRows       int
	UnsentRows     int
	SendFailedRows int
	// ThreadStatus holds the conversion stage (ThreadID 0: rows waiting
	// for or in conversion, rows that failed it) then one line per writer
	// (rows sent, rows queued or in flight, rows of failed batches).
	ThreadStatus []ThreadStatus
}

// HasError reports whether an error occurred.
func (s Status) HasError() bool { return s.ErrorCode != "" }

// Succeed reports whether no error occurred.
func (s Status) Succeed() bool { return s.ErrorCode == "" }

// String lays the status out as the Python API prints it (without the
// trailing "<... object at 0x...>" line):
//
//	errorCode     : None
//	 errorInfo     :
//	 isExiting     : True
//	 sentRows      : 100
//	 unsentRows    : 0
//	 sendFailedRows: 0
//	 threadStatus  :
//	 	threadId	sentRows	unsentRows	sendFailedRows
//		       0	       0	         0	             0
//		      34	      22	         0	             0
func (s Status) String() string {
	var b strings.Builder
	code := s.ErrorCode
	if code == "" {
		code = "None"
	}
	fmt.Fprintf(&b, "%-14s: %s\n", "errorCode", code)
	fmt.Fprintf(&b, " %-14s: %s\n", "errorInfo", s.ErrorInfo)
	fmt.Fprintf(&b, " %-14s: %s\n", "isExiting", pyBool(s.IsExiting))
	fmt.Fprintf(&b, " %-14s: %d\n", "sentRows", s.SentRows)
	fmt.Fprintf(&b, " %-14s: %d\n", "unsentRows", s.UnsentRows)
	fmt.Fprintf(&b, " %-14s: %d\n", "sendFailedRows", s.SendFailedRows)
	fmt.Fprintf(&b, " %-14s: \n", "threadStatus")
	b.WriteString(" \tthreadId\tsentRows\tunsentRows\tsendFailedRows\n")
	for _, t := range s.ThreadStatus {
		fmt.Fprintf(&b, "\t%8d\t%8d\t%10d\t%14d\n", t.ThreadID, t.SentRows, t.UnsentRows, t.SendFailedRows)
	}
	return b.String()
}

func pyBool(v bool) string {
	if v {
		return "True"
	}
	return "False"
}

// GetStatus returns a snapshot of the writer's state.
func (w *Writer) GetStatus() Status {
	var s Status
	w.mu.Lock()
	s.IsExiting = w.exiting
	s.ErrorCode, s.ErrorInfo = w.errCode, w.errInfo
	conv := ThreadStatus{UnsentRows: w.pendRows + w.converting}
	for _, s := range w.convFailed {
		conv.SendFailedRows += s.rows
	}
	w.mu.Unlock()
	s.ThreadStatus = append(s.ThreadStatus, conv)
	for _, t := range w.threads {
		t.mu.Lock()
		ts := ThreadStatus{ThreadID: t.id, SentRows: t.sent, UnsentRows: t.queue.rows() + t.inflight}
		for _, b := range t.failed {
			ts.SendFailedRows += b.rows()
		}
		t.mu.Unlock()
		s.ThreadStatus = append(s.ThreadStatus, ts)
	}
	for _, t := range s.ThreadStatus {
		s.SentRows += t.SentRows
		s.UnsentRows += t.UnsentRows
		s.SendFailedRows += t.SendFailedRows
	}
	return s
}
