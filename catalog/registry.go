package catalog

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
)

// storeObject is the name of the registry's blob among the store's
// system objects.
const storeObject = "catalogs"

// Store is where the registry persists: the DFS store's system objects.
type Store interface {
	PutSystemObject(name string, blob []byte) error
	GetSystemObject(name string) ([]byte, bool, error)
}

// Registry is one engine's catalogs: each catalog's schemas and the
// dfs:// database each names, and each session's current catalog.
type Registry struct {
	store Store
	// exists reports whether a dfs:// database still exists: a schema
	// whose database was dropped by its path is forgotten.
	exists func(dbURL string) bool

	mu      sync.Mutex
	cats    map[string]map[string]string // catalog -> schema -> dbUrl
	current map[int64]string             // session id -> current catalog
}

// Load reads the registry persisted in store.
func Load(store Store, exists func(string) bool) (*Registry, error) {
	r := &Registry{store: store, exists: exists, cats: map[string]map[string]string{}, current: map[int64]string{}}
	blob, ok, err := store.GetSystemObject(storeObject)
	if err != nil || !ok {
		return r, err
	}
	if err := json.Unmarshal(blob, &r.cats); err != nil {
		return nil, fmt.Errorf("catalogs: %w", err)
	}
	for _, s := range r.cats {
		if s == nil {
			return nil, fmt.Errorf("catalogs: a catalog without its schema map")
		}
	}
	return r, nil
}

// saveLocked persists the catalogs; r.mu is held.
func (r *Registry) saveLocked() error {
	blob, err := json.Marshal(r.cats)
	if err != nil {
		return err
	}
	return r.store.PutSystemObject(storeObject, blob)
}

func errNoCatalog() error { return ddberr.Errorf("The catalog doesn't exist.") }

func errNoSchema(catalog, schema string) error {
	return ddberr.Errorf("The schema [%s] doesn't exist in catalog [%s].", schema, catalog)
}

// validName checks a catalog or schema name against the rules of
// variable names (progr/objs/var.md, as catalog.md asks).
func validName(kind, name string) error {
	ok := name != "" && isLetter(name[0])
	for i := 1; ok && i < len(name); i++ {
		c := name[i]
		ok = isLetter(c) || c >= '0' && c <= '9' || c == '_'
	}
	if !ok {
		return ddberr.Errorf("Invalid %s name [%s]. It must start with a letter and contain only letters, digits and underscores.", kind, name)
	}
	return nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// schemasLocked returns a catalog's schemas, forgetting those whose
// database no longer exists; r.mu is held.
func (r *Registry) schemasLocked(catalog string) (map[string]string, error) {
	s, ok := r.cats[catalog]
	if !ok {
		return nil, errNoCatalog()
	}
	for name, url := range s {
		if !r.exists(url) {
			delete(s, name)
		}
	}
	return s, nil
}

// Create adds an empty catalog.
func (r *Registry) Create(catalog string) error {
	if err := validName("catalog", catalog); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.cats[catalog]; ok {
		return ddberr.Errorf("The catalog [%s] already exists.", catalog)
	}
	r.cats[catalog] = map[string]string{}
	return r.saveLocked()
}

// Exists reports whether a catalog exists.
func (r *Registry) Exists(catalog string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.cats[catalog]
	return ok
}

// Drop removes a catalog; its databases stay, reachable by their paths.
func (r *Registry) Drop(catalog string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.cats[catalog]; !ok {
		return errNoCatalog()
	}
	delete(r.cats, catalog)
	return r.saveLocked()
}

// Rename renames a catalog; sessions in it move with it.
func (r *Registry) Rename(from, to string) error {
	if err := validName("catalog", to); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.cats[from]
	if !ok {
		return errNoCatalog()
	}
	if _, ok := r.cats[to]; ok {
		return ddberr.Errorf("The catalog [%s] already exists.", to)
	}
	delete(r.cats, from)
	r.cats[to] = s
	for id, c := range r.current {
		if c == from {
			r.current[id] = to
		}
	}
	return r.saveLocked()
}

// Names lists the catalogs, sorted.
func (r *Registry) Names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Sorted(maps.Keys(r.cats))
}

// AddSchema names the database at dbURL schema in catalog. A database
// belongs to one catalog at most (createSchema.md).
func (r *Registry) AddSchema(catalog, dbURL, schema string) error {
	if err := validName("schema", schema); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.schemasLocked(catalog)
	if err != nil {
		return err
	}
	if _, ok := s[schema]; ok {
		return ddberr.Errorf("The schema [%s] already exists in catalog [%s].", schema, catalog)
	}
	for c := range r.cats {
		for name, url := range r.cats[c] {
			if url == dbURL {
				return ddberr.Errorf("The database [%s] already belongs to catalog [%s] as schema [%s].", dbURL, c, name)
			}
		}
	}
	s[schema] = dbURL
	return r.saveLocked()
}

// DropSchema removes a schema from its catalog; the database stays.
func (r *Registry) DropSchema(catalog, schema string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, _, err := r.lookupLocked(catalog, schema)
	if err != nil {
		return err
	}
	delete(s, schema)
	return r.saveLocked()
}

// RenameSchema renames a schema of a catalog; its database keeps its
// path (catalog.md: dbUrl never changes).
func (r *Registry) RenameSchema(catalog, from, to string) error {
	if err := validName("schema", to); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s, url, err := r.lookupLocked(catalog, from)
	if err != nil {
		return err
	}
	if _, ok := s[to]; ok {
		return ddberr.Errorf("The schema [%s] already exists in catalog [%s].", to, catalog)
	}
	delete(s, from)
	s[to] = url
	return r.saveLocked()
}

// Schema is one schema of a catalog and the path of its database.
type Schema struct {
	Name, DBURL string
}

// Schemas lists a catalog's schemas by name.
func (r *Registry) Schemas(catalog string) ([]Schema, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.schemasLocked(catalog)
	if err != nil {
		return nil, err
	}
	out := make([]Schema, 0, len(s))
	for name, url := range s {
		out = append(out, Schema{name, url})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// CatalogOf is the catalog one of whose schemas names the database at
// dbURL, "" when none does.
func (r *Registry) CatalogOf(dbURL string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for c, s := range r.cats {
		for _, url := range s {
			if url == dbURL {
				return c
			}
		}
	}
	return ""
}

// Resolve returns the path of the database a catalog's schema names.
func (r *Registry) Resolve(catalog, schema string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, url, err := r.lookupLocked(catalog, schema)
	return url, err
}

// lookupLocked returns a catalog's schemas and the path of the one
// named schema; r.mu is held.
func (r *Registry) lookupLocked(catalog, schema string) (map[string]string, string, error) {
	s, err := r.schemasLocked(catalog)
	if err != nil {
		return nil, "", err
	}
	url, ok := s[schema]
	if !ok {
		return nil, "", errNoSchema(catalog, schema)
	}
	return s, url, nil
}

// Forget removes the schema that names the database at dbURL, if any
// (found reports whether one did): dropping a database drops its
// reference (dropDatabase.md).
func (r *Registry) Forget(dbURL string) (found bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.cats {
		for name, url := range s {
			if url == dbURL {
				delete(s, name)
				return true, r.saveLocked()
			}
		}
	}
	return false, nil
}

// Current is a session's current catalog, "" when it has none.
func (r *Registry) Current(session int64) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current[session]
}

// SetCurrent makes catalog the session's current catalog; "" resets it
// (setDefaultCatalog.md).
func (r *Registry) SetCurrent(session int64, catalog string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if catalog == "" {
		delete(r.current, session)
		return nil
	}
	if _, ok := r.cats[catalog]; !ok {
		return errNoCatalog()
	}
	r.current[session] = catalog
	return nil
}
