package dbfuncs

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A backup directory holds, per database and table, the catalog entries
// needed to recreate them and one file per partition:
//
//	<backupDir>/<db name>/database.json          {path, meta}
//	<backupDir>/<db name>/<table>/table.json     {mode, meta}
//	<backupDir>/<db name>/<table>/<partition>.chunk  the rows, wire-encoded
//	<backupDir>/<db name>/<table>/<partition>.json   chunkMeta
//
// where <db name> is the dfs:// path without its scheme and <partition>
// the partition path, escaped into one file name. The chunk's CRC-32 in
// its meta lets checkBackup find damaged files and an incremental backup
// skip partitions that did not change.

// Backup modes: copying partitions (dbPath given) or the rows a query
// selects (sqlObj given).
const (
	modeCopy = "copy"
	modeSQL  = "sql"
)

type dbFile struct {
	Path string          `json:"path"`
	Meta json.RawMessage `json:"meta"`
}

type tableFile struct {
	Mode string          `json:"mode"`
	Meta json.RawMessage `json:"meta"`
}

// chunkMeta describes one backed-up partition.
type chunkMeta struct {
	ChunkID    string `json:"chunkID"`
	Partition  string `json:"partition"`
	Cid        int64  `json:"cid"`
	Rows       int64  `json:"rows"`
	UpdateTime int64  `json:"updateTime"` // ms since the epoch
	Checksum   uint32 `json:"checksum"`
}

// backupTable is one table's directory in a backup.
type backupTable struct {
	dir    string
	dbPath string
	name   string
}

func dbDir(backupDir, dbPath string) string {
	return filepath.Join(backupDir, filepath.FromSlash(strings.TrimPrefix(dbPath, "dfs://")))
}

func openBackupTable(backupDir, dbPath, name string) backupTable {
	return backupTable{dir: filepath.Join(dbDir(backupDir, dbPath), name), dbPath: dbPath, name: name}
}

func partFile(partition string) string { return url.PathEscape(partition) }

// readDirIfAny is os.ReadDir reading a missing directory as empty (a
// backup without the database or table).
func readDirIfAny(dir string) ([]os.DirEntry, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return ents, err
}

func readJSON(path string, v any) (bool, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return false, fmt.Errorf("corrupt backup file %s: %w", path, err)
	}
	return true, nil
}

// writeFileAtomic replaces path's content as a whole, making its
// directory first.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o600)
}

func writeJSON(path string, v any) error {
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, raw)
}

// readDB reads a database's backup entry.
func readDB(backupDir, dbPath string) (dbFile, error) {
	var f dbFile
	ok, err := readJSON(filepath.Join(dbDir(backupDir, dbPath), "database.json"), &f)
	if err == nil && !ok {
		err = ddberr.Errorf("The backup of database %s does not exist in %s.", dbPath, backupDir)
	}
	return f, err
}

// info reads the table's backup entry; ok is false when there is none.
func (b backupTable) info() (tableFile, bool, error) {
	var f tableFile
	ok, err := readJSON(filepath.Join(b.dir, "table.json"), &f)
	return f, ok, err
}

// mustInfo is info failing when the table has no backup.
func (b backupTable) mustInfo() (tableFile, error) {
	f, ok, err := b.info()
	if err == nil && !ok {
		err = ddberr.Errorf("The backup of table %s of database %s does not exist.", b.name, b.dbPath)
	}
	return f, err
}

// chunks lists the table's backed-up partitions, by partition path.
func (b backupTable) chunks() ([]chunkMeta, error) {
	ents, err := readDirIfAny(b.dir)
	if err != nil {
		return nil, err
	}
	var out []chunkMeta
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".json") || n == "table.json" {
			continue
		}
		var m chunkMeta
		if _, err := readJSON(filepath.Join(b.dir, n), &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return partitionLess(out[i].Partition, out[j].Partition) })
	return out, nil
}

// partitionLess orders partition paths as DolphinDB lists them, by the
// partitions' values: a level's numbers (VALUE 1..10, RANGE 0_50 50_100)
// by number, so /20200101/2 comes before /20200101/10
// (tutorials/backup_restore_before_208.md's getBackupList).
func partitionLess(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for k := 0; k < len(as) && k < len(bs); k++ {
		if as[k] == bs[k] {
			continue
		}
		x, xok := leadingInt(as[k])
		y, yok := leadingInt(bs[k])
		if xok && yok && x != y {
			return x < y
		}
		return as[k] < bs[k]
	}
	return len(as) < len(bs)
}

// leadingInt is the integer a partition directory's name starts with.
func leadingInt(s string) (int64, bool) {
	end := 0
	if strings.HasPrefix(s, "-") {
		end = 1
	}
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	v, err := strconv.ParseInt(s[:end], 10, 64)
	return v, err == nil
}

// chunk reads one partition's meta; ok is false when it is not backed up.
func (b backupTable) chunk(partition string) (chunkMeta, bool, error) {
	var m chunkMeta
	ok, err := readJSON(filepath.Join(b.dir, partFile(partition)+".json"), &m)
	return m, ok, err
}

// encodeRows is a partition's file content.
func encodeRows(rows *value.Table) ([]byte, uint32, error) {
	data, err := wire.Marshal(rows, nil)
	if err != nil {
		return nil, 0, err
	}
	return data, crc32.ChecksumIEEE(data), nil
}

// writeChunk stores a partition's rows unless they are what the backup
// holds already (and force is off); it reports whether it wrote.
func (b backupTable) writeChunk(partition string, rows *value.Table, force bool) (bool, error) {
	data, sum, err := encodeRows(rows)
	if err != nil {
		return false, err
	}
	old, ok, err := b.chunk(partition)
	if err != nil {
		return false, err
	}
	if ok && !force && old.Checksum == sum && old.Rows == int64(rows.Rows()) {
		if _, err := os.Stat(filepath.Join(b.dir, partFile(partition)+".chunk")); err == nil {
			return false, nil
		}
	}
	m := chunkMeta{ChunkID: old.ChunkID, Partition: partition, Cid: old.Cid + 1, Rows: int64(rows.Rows()),
		UpdateTime: time.Now().UnixMilli(), Checksum: sum}
	if !ok {
		m.ChunkID = newUUID()
	}
	if err := writeFileAtomic(filepath.Join(b.dir, partFile(partition)+".chunk"), data); err != nil {
		return false, err
	}
	return true, writeJSON(filepath.Join(b.dir, partFile(partition)+".json"), m)
}

// dropChunk removes a partition from the backup.
func (b backupTable) dropChunk(partition string) error {
	base := filepath.Join(b.dir, partFile(partition))
	if err := os.Remove(base + ".json"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Remove(base + ".chunk"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// readChunk reads a backed-up partition's rows, checking them against
// the checksum of its meta.
func (b backupTable) readChunk(m chunkMeta) (*value.Table, error) {
	data, err := os.ReadFile(filepath.Join(b.dir, partFile(m.Partition)+".chunk"))
	if err != nil {
		return nil, ddberr.Errorf("The backup file of partition %s of table %s is missing.", m.Partition, b.name)
	}
	if crc32.ChecksumIEEE(data) != m.Checksum {
		return nil, ddberr.Errorf("The backup file of partition %s of table %s is corrupt.", m.Partition, b.name)
	}
	v, _, err := wire.DecodeBytes(data)
	if err != nil {
		return nil, ddberr.Errorf("The backup file of partition %s of table %s is corrupt: %v", m.Partition, b.name, err)
	}
	t, ok := v.(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The backup file of partition %s of table %s is corrupt.", m.Partition, b.name)
	}
	return t, nil
}

// verify reports whether a backed-up partition's file is intact.
func (b backupTable) verify(m chunkMeta) bool {
	_, err := b.readChunk(m)
	return err == nil
}

// tables lists the tables a database's backup holds.
func backupTables(backupDir, dbPath string) ([]string, error) {
	ents, err := readDirIfAny(dbDir(backupDir, dbPath))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(dbDir(backupDir, dbPath), e.Name(), "table.json")); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// backupDatabases lists the dfs:// paths of the databases a backup
// directory holds.
func backupDatabases(backupDir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(backupDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() != "database.json" {
			return nil
		}
		var f dbFile
		if _, err := readJSON(p, &f); err != nil {
			return err
		}
		out = append(out, f.Path)
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return nil, ddberr.Errorf("The backup directory %s does not exist.", backupDir)
	}
	sort.Strings(out)
	return out, err
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
