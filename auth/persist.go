package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/porpoisedb/porpoise/atomicfile"
	"github.com/porpoisedb/porpoise/ddberr"
)

// fileName is the store's file in the data directory.
const fileName = "acl.json"

func encode(st *state) ([]byte, error) { return json.Marshal(st) }

func decode(b []byte) (state, error) {
	st := newState()
	if err := json.Unmarshal(b, &st); err != nil {
		return state{}, err
	}
	// A file written by hand or by an older version may leave maps out.
	if st.Users == nil {
		st.Users = map[string]*User{}
	}
	if st.Groups == nil {
		st.Groups = map[string]*Group{}
	}
	if st.DBOwners == nil {
		st.DBOwners = map[string]string{}
	}
	if st.TableOwners == nil {
		st.TableOwners = map[string]string{}
	}
	for _, g := range st.Groups {
		if g.Members == nil {
			g.Members = map[string]bool{}
		}
	}
	return st, nil
}

// load reads dir/acl.json; a missing file is an empty state.
func load(dir string) (state, error) {
	b, err := os.ReadFile(filepath.Join(dir, fileName))
	if errors.Is(err, fs.ErrNotExist) {
		return newState(), nil
	}
	if err != nil {
		return state{}, err
	}
	st, err := decode(b)
	if err != nil {
		return state{}, fmt.Errorf("auth: %s is corrupt: %w", filepath.Join(dir, fileName), err)
	}
	return st, nil
}

// save writes the state atomically: a synced temporary file renamed over
// the old one, then the directory synced, so a crash leaves either the
// old or the new file, never a torn one.
func save(dir string, st *state) error {
	b, err := encode(st)
	if err != nil {
		return err
	}
	return writeAtomic(dir, fileName, b)
}

func writeAtomic(dir, name string, b []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, name), b, 0o600)
}

// Backup is backupSettings: it writes the users (and, with privileges,
// their groups and privileges) to path and returns the user names saved.
func (s *Store) Backup(path string, privileges bool) ([]string, error) {
	s.mu.RLock()
	b, err := encode(&s.st)
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	st, err := decode(b)
	if err != nil {
		return nil, err
	}
	if !privileges {
		for _, u := range st.Users {
			u.Rules = rules{}
		}
		st.Groups = map[string]*Group{}
	}
	out, err := encode(&st)
	if err != nil {
		return nil, err
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := writeAtomic(dir, name, out); err != nil {
		return nil, err
	}
	return sortedKeys(st.Users), nil
}

// Restore is restoreSettings: it adds the users of a backup that don't
// exist here (overwrite=false), or makes users, groups and privileges
// exactly the backup's (overwrite=true). It returns the users restored.
func (s *Store) Restore(path string, overwrite bool) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, ddberr.Errorf("The file %s is not a backup made by backupSettings.", path)
	}
	in, err := decode(b)
	if err != nil {
		return nil, ddberr.Errorf("The file %s is not a backup made by backupSettings.", path)
	}
	var restored []string
	err = s.mutate(func() error {
		if overwrite {
			admin := s.st.Users[SuperAdmin]
			s.st.Users, s.st.Groups = in.Users, in.Groups
			if s.st.Users[SuperAdmin] == nil && admin != nil {
				s.st.Users[SuperAdmin] = admin
			}
			restored = sortedKeys(in.Users)
			return nil
		}
		for name, u := range in.Users {
			if s.st.Users[name] == nil {
				s.st.Users[name] = u
				restored = append(restored, name)
			}
		}
		for name, g := range in.Groups {
			if s.st.Groups[name] == nil {
				s.st.Groups[name] = g
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(restored)
	return restored, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
