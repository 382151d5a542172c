package authfuncs

import (
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// getDBAccess and getTableAccess: who holds which privilege on one DFS
// database or table, for its owner or a DB_MANAGE holder.

var (
	dbAccessPrivs = []auth.Priv{auth.DBRead, auth.DBInsert, auth.DBUpdate, auth.DBDelete,
		auth.DBObjCreate, auth.DBObjDelete, auth.DBManage}
	tableAccessPrivs = []auth.Priv{auth.TableRead, auth.TableInsert, auth.TableUpdate, auth.TableDelete}
)

func getDBAccess(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	db := textArg(r, "dbUrl", r.Arg(0), "a string scalar")
	if err := r.Err(); err != nil {
		return nil, err
	}
	return objectAccess(p, db, db, dbAccessPrivs)
}

func getTableAccess(_ Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	db := textArg(r, "dbUrl", r.Arg(0), "a string scalar")
	table := textArg(r, "table", r.Arg(1), "a string scalar")
	if err := r.Err(); err != nil {
		return nil, err
	}
	return objectAccess(p, db, auth.TablePath(db, table), tableAccessPrivs)
}

// objectAccess is the table of obj's settings of privs, one row per user
// or group that allows or denies any of them.
func objectAccess(p auth.Principal, db, obj string, privs []auth.Priv) (value.Value, error) {
	if !p.IsAdmin() && !p.ManagesDB(db) {
		return nil, ddberr.Errorf("To manage permissions for databases you didn't create, you must have the DB_MANAGE privilege or contact an administrator. RefId: S04005")
	}
	rows := p.Store.ObjectAccess(obj, privs)
	names := make([]string, len(rows))
	kinds := make([]string, len(rows))
	for i, row := range rows {
		names[i], kinds[i] = row.Name, "user"
		if row.Group {
			kinds[i] = "group"
		}
	}
	colNames := []string{"name", "type"}
	cols := []*value.Vector{value.NewStrings(value.String, names), value.NewStrings(value.String, kinds)}
	for j, priv := range privs {
		states := make([]string, len(rows))
		for i, row := range rows {
			states[i] = strings.ToUpper(row.States[j].String())
		}
		colNames = append(colNames, priv.String())
		cols = append(cols, value.NewStrings(value.String, states))
	}
	return value.NewTable(colNames, cols), nil
}
