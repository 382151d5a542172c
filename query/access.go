package query

import (
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/restrack"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// checkRead fails when the session may not read dt; otherwise, while
// resource tracking is on, the first call for dt in an SQL query records
// the query's reading of it (getUserTableAccessRecords' sql record) and
// the result records its reads of rows. A joiner called as a function,
// outside any SQL query, records nothing.
func (ex *executor) checkRead(dt *dfs.Table) (*restrack.TableQuery, error) {
	if err := ex.env.CheckTableRead(dt); err != nil {
		return nil, err
	}
	if ex.stmt == nil {
		return nil, nil
	}
	if q, ok := ex.reads[dt]; ok {
		return q, nil
	}
	q := restrack.QueryTable(ex.env.Context(), &ex.rootID, dt.Database().Path(), dt.TableName(), func() string { return unparse.Metacode(ex.stmt) })
	if q != nil {
		if ex.reads == nil {
			ex.reads = map[*dfs.Table]*restrack.TableQuery{}
		}
		ex.reads[dt] = q
	}
	return q, nil
}

// scanDFS reads the columns cols (names, nil: all; dfs resolves them
// against the schema it reads with) of the partitions of dt keep admits,
// after checkRead, recording the rows read.
func (ex *executor) scanDFS(dt *dfs.Table, keep dfs.PartitionFilter, cols []string) (*value.Table, error) {
	q, err := ex.checkRead(dt)
	if err != nil {
		return nil, err
	}
	t, err := dt.ScanColumns(keep, cols)
	if err == nil {
		q.Read(t)
	}
	return t, err
}

// ReadTable implements sqljoin.Env: a join side read whole.
func (h host) ReadTable(dt *dfs.Table) (*value.Table, error) { return h.ex.scanDFS(dt, nil, nil) }
