package dfs

import (
	"encoding/json"
	"fmt"

	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/dfs/partmeta"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// The catalog persists database schemes and table schemas as JSON blobs in
// storage; scheme values are kept as DolphinDB literals of their type so
// the catalog needs nothing but the value model to read back.

type dbMeta struct {
	Compo  bool             `json:"compo"`
	Levels []partmeta.Level `json:"levels"`
	Engine string           `json:"engine"`
	Atomic string           `json:"atomic"`
}

type tableMeta struct {
	Names     []string `json:"names"`
	Types     []int    `json:"types"`
	Scales    []int32  `json:"scales"`
	PartCols  []int    `json:"partCols"`
	SortCols  []int    `json:"sortCols,omitempty"`
	Keep      int      `json:"keep"`
	Dimension bool     `json:"dimension"`
	PartFns   []string `json:"partFns,omitempty"`
	PartDefs  []string `json:"partDefs,omitempty"`
	// Comment and ColComments are the table's and its columns' comments.
	Comment     string            `json:"comment,omitempty"`
	ColComments map[string]string `json:"colComments,omitempty"`
	Compress    []string          `json:"compress,omitempty"`
	TextIndexes map[string]string `json:"textIndexes,omitempty"`
	IoT         *iotdb.Table      `json:"iot,omitempty"`
}

// saveDatabase persists db's scheme (called on creation and when
// partitions are added outside an append).
func (c *Catalog) saveDatabase(db *Database) error {
	if !db.DFS() {
		return nil
	}
	b, err := db.metaBlob(db.levels())
	if err != nil {
		return err
	}
	return c.store.PutDatabase(db.path, b)
}

// metaBlob is db's catalog entry with the given levels.
func (db *Database) metaBlob(levels []partition.Domain) ([]byte, error) {
	m := dbMeta{Engine: db.engineType, Atomic: db.atomic}
	_, m.Compo = db.domain.(*partition.Compo)
	for _, l := range levels {
		m.Levels = append(m.Levels, partmeta.Of(l))
	}
	return json.Marshal(m)
}

func (c *Catalog) saveTable(t *Table) error {
	if !t.db.DFS() {
		return nil
	}
	b, err := t.metaWith(t.sc(), t.comment, t.colComments)
	if err != nil {
		return err
	}
	return c.store.PutTable(t.db.path, t.name, b)
}

// metaWith is t's catalog entry with schema s and the comments (a
// column change writes it before publishing them).
func (t *Table) metaWith(s *colSchema, comment string, cc map[string]string) ([]byte, error) {
	m := tableMeta{Names: s.names, Scales: s.scales, PartCols: s.partCols, SortCols: s.sortCols, Keep: int(t.keep), Dimension: t.dimension,
		PartFns: t.partFns, PartDefs: t.partDefs, Comment: comment, ColComments: cc, Compress: s.compress, TextIndexes: t.textIdx, IoT: t.iot}
	for _, ty := range s.types {
		m.Types = append(m.Types, int(ty))
	}
	return json.Marshal(m)
}

// schema is the column layout m records.
func (m tableMeta) schema() *colSchema {
	s := &colSchema{names: m.Names, scales: m.Scales, partCols: m.PartCols, sortCols: m.SortCols, compress: m.Compress}
	for _, ty := range m.Types {
		s.types = append(s.types, value.Type(ty))
	}
	return s
}

// load rebuilds the dfs:// databases and tables from storage.
func (c *Catalog) load() error {
	paths, err := c.store.ListDatabases()
	if err != nil {
		return err
	}
	for _, path := range paths {
		raw, ok, err := c.store.GetDatabase(path)
		if err != nil || !ok {
			return fmt.Errorf("catalog: database %s: %v", path, err)
		}
		var m dbMeta
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("catalog: database %s: %w", path, err)
		}
		var levels []partition.Domain
		for _, lm := range m.Levels {
			d, err := lm.Domain()
			if err != nil {
				return fmt.Errorf("catalog: database %s: %w", path, err)
			}
			levels = append(levels, d)
		}
		db := &Database{cat: c, path: path, engineType: m.Engine, atomic: m.Atomic, tables: map[string]*Table{}}
		if m.Compo {
			compo, err := partition.NewCompo(levels...)
			if err != nil {
				return err
			}
			db.domain = compo
		} else {
			db.domain = levels[0]
		}
		names, err := c.store.ListTables(path)
		if err != nil {
			return err
		}
		for _, name := range names {
			raw, ok, err := c.store.GetTable(path, name)
			if err != nil || !ok {
				return fmt.Errorf("catalog: table %s/%s: %v", path, name, err)
			}
			var tm tableMeta
			if err := json.Unmarshal(raw, &tm); err != nil {
				return fmt.Errorf("catalog: table %s/%s: %w", path, name, err)
			}
			t := &Table{db: db, name: name, keep: storage.KeepPolicy(tm.Keep), dimension: tm.Dimension,
				partFns: tm.PartFns, partDefs: tm.PartDefs, comment: tm.Comment, colComments: tm.ColComments, textIdx: tm.TextIndexes, iot: tm.IoT}
			t.schema.Store(tm.schema())
			db.tables[name] = t
		}
		c.dbs[path] = db
	}
	return nil
}
