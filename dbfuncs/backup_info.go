package dbfuncs

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// The functions that read a backup directory without restoring it.

func init() {
	funcs.Register(
		funcs.Spec{Name: "getBackupList", Params: []string{"backupDir", "dbPath", "tableName"}, Min: 3, Max: 3, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xgetBackupList)},
		funcs.Spec{Name: "getBackupMeta", Params: []string{"backupDir", "dbPath", "partition", "tableName"}, Min: 4, Max: 4, Props: funcs.Session, Category: "db-table", Fn: xgetBackupMeta},
		funcs.Spec{Name: "loadBackup", Params: []string{"backupDir", "dbPath", "partition", "tableName"}, Min: 4, Max: 4, Props: funcs.Session, Category: "db-table", Fn: xloadBackup},
		funcs.Spec{Name: "checkBackup", Params: []string{"backupDir", "dbPath", "tableName", "partition"}, Min: 2, Max: 4, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xcheckBackup)},
	)
}

func xgetBackupList(_ Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	s, err := stringArgs("getBackupList", []string{"backupDir", "dbPath", "tableName"}, args, 3)
	if err != nil {
		return nil, err
	}
	b := openBackupTable(s[0], s[1], s[2])
	if _, err := b.mustInfo(); err != nil {
		return nil, err
	}
	chunks, err := b.chunks()
	if err != nil {
		return nil, err
	}
	n := len(chunks)
	ids, paths := make([]string, n), make([]string, n)
	cids, rows, times := make([]int64, n), make([]int64, n), make([]int64, n)
	for i, m := range chunks {
		ids[i], paths[i] = m.ChunkID, s[1]+m.Partition
		cids[i], rows[i], times[i] = m.Cid, m.Rows, m.UpdateTime
	}
	return value.NewTable([]string{"chunkID", "chunkPath", "cid", "rows", "updateTime"}, []*value.Vector{
		value.NewStrings(value.String, ids), value.NewStrings(value.String, paths), value.NewLongs(cids),
		value.NewLongs(rows), timestamps(times)}), nil
}

// backedChunk finds the partition a getBackupMeta/loadBackup argument
// names: "/a/b", with or without the database's name in front.
func backedChunk(b backupTable, partition string) (chunkMeta, error) {
	p := "/" + strings.Trim(partition, "/")
	name := "/" + strings.TrimPrefix(b.dbPath, "dfs://")
	m, ok, err := b.chunk(p)
	if err == nil && !ok && strings.HasPrefix(p, name+"/") {
		m, ok, err = b.chunk(strings.TrimPrefix(p, name))
	}
	if err == nil && !ok {
		err = ddberr.Errorf("The partition %s of table %s is not in the backup.", partition, b.name)
	}
	return m, err
}

// backedPartition is the backed-up partition that getBackupMeta and
// loadBackup name (backupDir, dbPath, partition, tableName): its table's
// backup, that backup's catalog entry and the partition's chunk.
func backedPartition(env funcs.Env, fn string, args []value.Value) (backupTable, tableFile, chunkMeta, error) {
	if _, err := readHost(env); err != nil {
		return backupTable{}, tableFile{}, chunkMeta{}, err
	}
	s, err := stringArgs(fn, []string{"backupDir", "dbPath", "partition", "tableName"}, args, 4)
	if err != nil {
		return backupTable{}, tableFile{}, chunkMeta{}, err
	}
	b := openBackupTable(s[0], s[1], s[3])
	info, err := b.mustInfo()
	if err != nil {
		return backupTable{}, tableFile{}, chunkMeta{}, err
	}
	m, err := backedChunk(b, s[2])
	return b, info, m, err
}

func xgetBackupMeta(env funcs.Env, args []value.Value) (value.Value, error) {
	b, info, m, err := backedPartition(env, "getBackupMeta", args)
	if err != nil {
		return nil, err
	}
	schema, err := schemaTable(info.Meta)
	if err != nil {
		return nil, err
	}
	d := value.NewDict(value.String, value.Any)
	put := func(k string, v value.Value) {
		d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
	}
	put("schema", schema)
	put("dfsPath", value.NewString(b.dbPath+m.Partition))
	put("rows", value.NewLong(m.Rows))
	put("chunkID", value.NewString(m.ChunkID))
	put("cid", value.NewLong(m.Cid))
	return d, nil
}

// schemaTable is the colDefs-style table (name, typeString, typeInt,
// extra, comment) of a backed-up table's catalog entry.
func schemaTable(meta json.RawMessage) (*value.Table, error) {
	var tm struct {
		Names  []string `json:"names"`
		Types  []int    `json:"types"`
		Scales []int32  `json:"scales"`
	}
	if err := json.Unmarshal(meta, &tm); err != nil || len(tm.Types) != len(tm.Names) || len(tm.Scales) != len(tm.Names) {
		return nil, fmt.Errorf("corrupt table meta in backup")
	}
	n := len(tm.Names)
	typeString := make([]string, n)
	typeInt := make([]int32, n)
	extra := make([]int32, n)
	for i, ti := range tm.Types {
		t := value.Type(ti)
		typeInt[i] = int32(t)
		typeString[i] = funcs.TypeString(t, tm.Scales[i])
		extra[i] = value.NullInt32
		if t.Elem().IsDecimal() {
			extra[i] = tm.Scales[i]
		}
	}
	return value.NewTable([]string{"name", "typeString", "typeInt", "extra", "comment"}, []*value.Vector{
		value.NewStrings(value.String, tm.Names), value.NewStrings(value.String, typeString), value.NewInts(typeInt),
		value.NewInts(extra), value.NewStrings(value.String, make([]string, n))}), nil
}

func xloadBackup(env funcs.Env, args []value.Value) (value.Value, error) {
	b, _, m, err := backedPartition(env, "loadBackup", args)
	if err != nil {
		return nil, err
	}
	return b.readChunk(m)
}

// xcheckBackup lists the backed-up partitions whose files are missing or
// do not match their checksum: an empty table when all are intact.
func xcheckBackup(_ Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	s, err := stringArgs("checkBackup", []string{"backupDir", "dbPath"}, args[:2], 2)
	if err != nil {
		return nil, err
	}
	var tables []string
	if x := funcs.Arg(args, 2); x != nil {
		var ok bool
		if tables, ok = funcs.StringsArg(x); !ok {
			return nil, ddberr.Errorf("The argument [tableName] of checkBackup must be a string scalar or vector.")
		}
	} else if tables, err = backupTables(s[0], s[1]); err != nil {
		return nil, err
	}
	pattern := "%"
	if x := funcs.Arg(args, 3); x != nil {
		var ok bool
		if pattern, ok = funcs.StringArg(x); !ok {
			return nil, errNotString("checkBackup", "partition")
		}
	}
	name := strings.TrimPrefix(s[1], "dfs://")
	var dbs, tbls, paths, ids, parts []string
	for _, t := range tables {
		b := openBackupTable(s[0], s[1], t)
		if _, err := b.mustInfo(); err != nil {
			return nil, err
		}
		chunks, err := b.chunks()
		if err != nil {
			return nil, err
		}
		for _, m := range chunks {
			if !kernel.LikeMatch(m.Partition, pattern) && !kernel.LikeMatch("/"+name+m.Partition, pattern) {
				continue
			}
			if b.verify(m) {
				continue
			}
			dbs = append(dbs, s[1])
			tbls = append(tbls, t)
			paths = append(paths, "/"+name+m.Partition)
			ids = append(ids, m.ChunkID)
			parts = append(parts, m.Partition)
		}
	}
	return value.NewTable([]string{"dbName", "tableName", "chunkPath", "chunkID", "partitionPath"}, []*value.Vector{
		value.NewStrings(value.String, dbs), value.NewStrings(value.String, tbls), value.NewStrings(value.String, paths),
		value.NewStrings(value.String, ids), value.NewStrings(value.String, parts)}), nil
}
