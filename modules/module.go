package modules

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Module is a loaded module: its functions and the modules it uses.
// A Module doesn't change once loaded; sessions share it.
type Module struct {
	// Name is the module's namespace, a::b::c.
	Name string
	// Funcs are its function definitions by name.
	Funcs map[string]*ast.DefStmt
	// Deps are the modules its use statements name, in their order.
	Deps []*Module
	// Source is the script it was read from.
	Source string
}

// parse reads a module's script: it must declare name with its first
// statement; r.Check vets the function definitions. It returns the
// module, without its Deps, and the names its use statements give.
func (r *Registry) parse(name, src string) (*Module, []string, error) {
	prog, err := sqlparse.ParseWith(src, sqlparse.Options{IsFunction: r.IsFunction})
	if err != nil {
		return nil, nil, err
	}
	if len(prog.Stmts) == 0 || !declares(prog.Stmts[0], name) {
		return nil, nil, ddberr.Errorf("The module script must start with the statement [module %s].", name)
	}
	m := &Module{Name: name, Funcs: map[string]*ast.DefStmt{}, Source: src}
	var uses []string
	var defs []ast.Stmt
	for _, st := range prog.Stmts[1:] {
		switch st := st.(type) {
		case *ast.UseStmt:
			uses = append(uses, st.Name)
		case *ast.DefStmt:
			m.Funcs[st.Name] = st
			defs = append(defs, st)
		}
	}
	if r.Check != nil {
		if err := r.Check(defs); err != nil {
			return nil, nil, err
		}
	}
	return m, uses, nil
}

// Declared is the module a script declares with its first statement
// (module a::b::c), "" when it doesn't start so.
func Declared(stmts []ast.Stmt) string {
	if len(stmts) == 0 {
		return ""
	}
	if decl, ok := stmts[0].(*ast.ModuleStmt); ok {
		return decl.Name
	}
	return ""
}

// declares reports whether st is the statement `module name`.
func declares(st ast.Stmt, name string) bool {
	decl, ok := st.(*ast.ModuleStmt)
	return ok && decl.Name == name
}
