package audit

import (
	"math"
	"slices"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/wallclock"
)

func init() {
	params := []string{"userId", "startTime", "endTime", "opType"}
	funcs.Register(
		funcs.Spec{Name: "getAuditLog", Params: params, Min: 0, Max: 4, Props: funcs.Session, Category: "system", Fn: listing("getAuditLog", auditTable)},
		funcs.Spec{Name: "getAclAuditlog", Params: params, Min: 0, Max: 4, Props: funcs.Session, Category: "system", Fn: listing("getAclAuditlog", aclAuditTable)},
	)
	// the page's syntax line spells it getAclAuditLog
	funcs.Alias("getAclAuditLog", "getAclAuditlog")
}

// query is the filter both functions take: users and operation types
// (nil: all) and the interval [from, to] their records' end times fall
// in, in local wall-clock nanoseconds.
type query struct {
	users, types []string
	from, to     int64
}

func (q *query) keeps(user, opType string, end int64) bool {
	return end >= q.from && end <= q.to &&
		(q.users == nil || slices.Contains(q.users, user)) &&
		(q.types == nil || slices.Contains(q.types, opType))
}

// listing is fn, a table of the log's records that q keeps, which f
// gives.
func listing(fn string, f func(l *Log, q *query) value.Value) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		l, q, err := request(env, fn, args)
		if err != nil {
			return nil, err
		}
		return f(l, q), nil
	}
}

// request checks the caller and reads the arguments of fn.
func request(env funcs.Env, fn string, args []value.Value) (*Log, *query, error) {
	if err := funcs.RequireAdmin(env, fn); err != nil {
		return nil, nil, err
	}
	l, _, ok := FromContext(env.Context())
	if !ok {
		l = &Log{} // an engine-less caller has recorded nothing
	}
	q := &query{to: math.MaxInt64}
	var err error
	if q.users, err = namesArg(fn, "userId", funcs.Arg(args, 0)); err != nil {
		return nil, nil, err
	}
	if q.from, err = TimeArg(fn, "startTime", funcs.Arg(args, 1), 0); err != nil {
		return nil, nil, err
	}
	if q.to, err = TimeArg(fn, "endTime", funcs.Arg(args, 2), wallclock.Nanos(time.Now())); err != nil {
		return nil, nil, err
	}
	if q.to <= q.from {
		return nil, nil, ddberr.Errorf("The argument [endTime] of %s must be greater than [startTime].", fn)
	}
	if q.types, err = namesArg(fn, "opType", funcs.Arg(args, 3)); err != nil {
		return nil, nil, err
	}
	return l, q, nil
}

// auditTable is getAuditLog's table.
func auditTable(l *Log, q *query) value.Value {
	ops := l.Ops(func(op *Op) bool { return q.keeps(op.User, op.Type, op.End) })
	n := len(ops)
	user, db, tb, typ, detail := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	start, end, tid, cid := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	ips, ports := make([]string, n), make([]int, n)
	for i, op := range ops {
		user[i], db[i], tb[i], typ[i], detail[i] = op.User, op.DB, op.Table, op.Type, op.Detail
		start[i], end[i], tid[i], cid[i] = op.Start, op.End, op.TID, op.CID
		ips[i], ports[i] = op.RemoteIP, op.RemotePort
	}
	return value.NewTable(
		[]string{"userId", "startTime", "endTime", "dbName", "tbName", "opType", "opDetail", "tid", "cid", "remoteIp", "remotePort"},
		[]*value.Vector{value.NewStrings(value.String, user), nanos(start), nanos(end), value.NewStrings(value.String, db),
			value.NewStrings(value.String, tb), value.NewStrings(value.String, typ), value.NewStrings(value.String, detail),
			value.NewLongs(tid), value.NewLongs(cid), ipVector(ips), portVector(ports)})
}

// aclAuditTable is getAclAuditlog's table.
func aclAuditTable(l *Log, q *query) value.Value {
	ops := l.ACLOps(func(op *ACLOp) bool { return q.keeps(op.User, op.Type, op.Time) })
	n := len(ops)
	user, typ, detail, ips := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	at, ports := make([]int64, n), make([]int, n)
	for i, op := range ops {
		user[i], typ[i], detail[i], ips[i] = op.User, op.Type, op.Detail, op.RemoteIP
		at[i], ports[i] = op.Time, op.RemotePort
	}
	return value.NewTable(
		[]string{"userId", "time", "opType", "opDetail", "remoteIp", "remotePort"},
		[]*value.Vector{value.NewStrings(value.String, user), nanos(at), value.NewStrings(value.String, typ),
			value.NewStrings(value.String, detail), ipVector(ips), portVector(ports)})
}

// TimeArg reads an optional time bound of fn: an integer (nanoseconds
// since 1970.01.01) or a DATE, MONTH, DATETIME, TIMESTAMP, DATEHOUR or
// NANOTIMESTAMP scalar, as local wall-clock nanoseconds; def when it is
// left out or NULL.
func TimeArg(fn, param string, x value.Value, def int64) (int64, error) {
	if funcs.NullOrAbsent(x) {
		return def, nil
	}
	s, ok := x.(*value.Scalar)
	if !ok {
		return 0, ddberr.Errorf("The argument [%s] of %s must be an integer or a temporal scalar.", param, fn)
	}
	switch s.T {
	case value.Char, value.Short, value.Int, value.Long:
		return s.I, nil
	case value.Date, value.Month, value.DateTime, value.Timestamp, value.DateHour, value.DateMinute, value.NanoTimestamp:
		v, err := cast.To(s, value.NanoTimestamp, 0)
		if err != nil {
			return 0, err
		}
		return v.(*value.Scalar).I, nil
	}
	return 0, ddberr.Errorf("The argument [%s] of %s must be an integer or a temporal scalar.", param, fn)
}

// namesArg is a STRING scalar or vector; nil when left out or NULL.
func namesArg(fn, param string, x value.Value) ([]string, error) {
	if funcs.NullOrAbsent(x) {
		return nil, nil
	}
	s, ok := funcs.StringsArg(x)
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a string scalar or vector.", param, fn)
	}
	return s, nil
}

func nanos(ns []int64) *value.Vector { return &value.Vector{T: value.NanoTimestamp, I64: ns} }

// ipVector is an IPADDR column; an embedded session (no address) is the
// local host.
func ipVector(ips []string) *value.Vector {
	v := value.NewVector(value.IPAddr, 0, len(ips))
	for _, ip := range ips {
		if ip == "" {
			ip = "127.0.0.1"
		}
		var b [16]byte
		if s, err := cast.ParseAs(ip, value.IPAddr); err == nil {
			b = s.B
		}
		v.B16 = append(v.B16, b)
	}
	return v
}

// portVector is an INT column of ports, NULL for an embedded session.
func portVector(ports []int) *value.Vector {
	v := value.NewVector(value.Int, 0, len(ports))
	for _, p := range ports {
		if p <= 0 {
			v.I32 = append(v.I32, value.NullInt32)
		} else {
			v.I32 = append(v.I32, int32(p))
		}
	}
	return v
}
