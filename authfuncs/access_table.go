package authfuncs

import (
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// getUserAccess and getGroupAccess: one row per principal, one column per
// privilege, in DolphinDB's column order.

// accessColumns are the allow/deny/none columns.
var accessColumns = []auth.Priv{
	auth.TableRead, auth.TableInsert, auth.TableUpdate, auth.TableDelete,
	auth.ViewExec, auth.ScriptExec, auth.TestExec, auth.DBObjCreate, auth.DBObjDelete,
	auth.DBManage, auth.DBOwner, auth.ViewOwner, auth.ComputeGroupExec,
	auth.TableSensitiveView, auth.DBSensitiveView,
}

// objectColumns are the _allowed / _denied object-list columns.
var objectColumns = []auth.Priv{
	auth.TableRead, auth.TableInsert, auth.TableUpdate, auth.TableDelete,
	auth.DBRead, auth.DBInsert, auth.DBUpdate, auth.DBDelete,
	auth.ViewExec, auth.DBObjCreate, auth.DBObjDelete, auth.DBOwner, auth.DBManage,
	auth.CatalogRead, auth.CatalogInsert, auth.CatalogUpdate, auth.CatalogDelete,
	auth.ComputeGroupExec, auth.TableSensitiveView, auth.DBSensitiveView,
}

// accessRow is one principal's row.
type accessRow struct {
	name, groups string
	admin        bool
	sum          auth.Summary
}

// accessTable builds the table; user adds the columns only users have
// (groups, isAdmin, job and memory limits).
func accessTable(first string, rows []accessRow, user bool) *value.Table {
	var names []string
	var cols []*value.Vector
	add := func(name string, v *value.Vector) {
		names = append(names, name)
		cols = append(cols, v)
	}
	str := func(f func(r accessRow) string) *value.Vector {
		out := make([]string, len(rows))
		for i, r := range rows {
			out[i] = f(r)
		}
		return value.NewStrings(value.String, out)
	}
	add(first, str(func(r accessRow) string { return r.name }))
	if user {
		add("groups", str(func(r accessRow) string { return r.groups }))
		adm := value.NewVector(value.Bool, len(rows), len(rows))
		for i, r := range rows {
			if r.admin {
				adm.I8[i] = 1
			}
		}
		add("isAdmin", adm)
		add("MAX_JOB_PRIORITY", intCol(len(rows), 8))
		add("MAX_PARALLELISM", intCol(len(rows), 64))
		for _, p := range []auth.Priv{auth.QueryResultMemLimit, auth.TaskGroupMemLimit} {
			f := make([]float64, len(rows))
			for i, r := range rows {
				f[i] = r.sum.Limits[p]
				if f[i] == 0 {
					f[i] = value.NullFloat64
				}
			}
			add(p.String(), value.NewDoubles(f))
		}
	}
	for _, p := range accessColumns {
		add(p.String(), str(func(r accessRow) string { return r.sum.Global[p].String() }))
	}
	for _, p := range objectColumns {
		add(p.String()+"_allowed", str(func(r accessRow) string { return strings.Join(r.sum.Allowed[p], ",") }))
		if p != auth.DBOwner {
			add(p.String()+"_denied", str(func(r accessRow) string { return strings.Join(r.sum.Denied[p], ",") }))
		}
	}
	mp := make([]int32, len(rows))
	for i, r := range rows {
		mp[i] = -1
		if v, ok := r.sum.Limits[auth.MaxPartitionNumPerQuery]; ok {
			mp[i] = int32(v)
		}
	}
	add("MAX_PARTITION_NUM_PER_QUERY", &value.Vector{T: value.Int, I32: mp})
	return value.NewTable(names, cols)
}

func intCol(n int, x int32) *value.Vector {
	v := make([]int32, n)
	for i := range v {
		v[i] = x
	}
	return &value.Vector{T: value.Int, I32: v}
}

func getUserAccess(h Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	users := namesArg(r, "userIds", r.Arg(0))
	final := r.Bool("finalAccess", r.Given(1), false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if len(users) == 0 {
		users = []string{p.User}
	}
	if !p.IsAdmin() {
		for _, u := range users {
			if u != p.User {
				return nil, funcs.RequireAdmin(h, "getUserAccess")
			}
		}
	}
	rows := make([]accessRow, 0, len(users))
	for _, u := range users {
		sum, admin, groups, err := p.Store.UserAccess(u, final)
		if err != nil {
			return nil, err
		}
		rows = append(rows, accessRow{name: u, groups: strings.Join(groups, ","), admin: admin, sum: sum})
	}
	return accessTable("userId", rows, true), nil
}

func getGroupAccess(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	groups := namesArg(r, "groupIds", r.Arg(0))
	if err := r.Err(); err != nil {
		return nil, err
	}
	rows := make([]accessRow, 0, len(groups))
	for _, g := range groups {
		sum, _, err := p.Store.GroupAccess(g)
		if err != nil {
			return nil, err
		}
		rows = append(rows, accessRow{name: g, sum: sum})
	}
	return accessTable("groupName", rows, false), nil
}
