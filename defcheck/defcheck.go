package defcheck

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/value"
)

// Script rejects, before any statement of a script runs, the
// function definitions DolphinDB refuses when it compiles a script: a
// named function inside another function (S06003), a `share` statement
// inside a function (S06002), a named function taking a built-in's name
// (S06005), parameter lists breaking the default-value rules (S06012,
// S06013), a declared function left undefined or defined otherwise
// (S06007, S06008), and a @jit function breaking the JIT's rules that
// need no type inference (S09007, S09009).
func Script(stmts []ast.Stmt) error { return checkDefs(stmts, false) }

// checkDefs is Script; inModule allows built-in names.
func checkDefs(stmts []ast.Stmt, inModule bool) error {
	if err := declarations(stmts); err != nil {
		return err
	}
	var err error
	var visit func(root ast.Node, inFunc bool)
	visit = func(root ast.Node, inFunc bool) {
		astwalk.Inspect(root, func(n ast.Node) bool {
			if err != nil {
				return false
			}
			var body []ast.Stmt
			switch d := n.(type) {
			case *ast.DefStmt:
				if inFunc {
					err = ddberr.Errorf("Not allowed to define a named function [%s] within another function. RefId: S06003", d.Name)
					return false
				}
				if _, builtin := funcs.Lookup(d.Name); builtin && !inModule {
					err = ddberr.Errorf("Not allowed to overwrite existing built-in functions/procedures. RefId: S06005")
					return false
				}
				err, body = checkParams(d.Params, d.Body), d.Body
				if err == nil {
					err = jitRules(d)
				}
			case *ast.LambdaExpr:
				err, body = checkParams(d.Params, d.Body), d.Body
			case *ast.ShareStmt:
				if inFunc {
					err = ddberr.Errorf("'share' statement can't be declared within a function definition. RefId: S06002")
				}
				return err == nil
			default:
				return true
			}
			for _, st := range body {
				if err == nil {
					visit(st, true)
				}
			}
			return false
		})
	}
	for _, st := range stmts {
		if err == nil {
			visit(st, false)
		}
	}
	return err
}

// checkParams applies DolphinDB's rules for parameters: one with a
// default value is read only, and every parameter after it has one too;
// the body may not assign a read-only one (named_func.md).
func checkParams(params []ast.Param, body []ast.Stmt) error {
	defaulted := false
	for _, p := range params {
		if p.Default != nil && p.Mutable {
			return ddberr.Errorf("A parameter with default value must be read only. RefId: S06012")
		}
		if p.Default == nil && defaulted {
			return ddberr.Errorf("As long as one parameter sets a default value, all following parameters must set default values. RefId: S06013")
		}
		defaulted = defaulted || p.Default != nil
	}
	return checkConstAssign(params, body)
}

// checkConstAssign fails when body (not counting functions defined in it)
// assigns, wholly or in part, a parameter not declared mutable.
func checkConstAssign(params []ast.Param, body []ast.Stmt) error {
	var err error
	for _, st := range body {
		astwalk.Inspect(st, func(n ast.Node) bool {
			switch a := n.(type) {
			case *ast.LambdaExpr, *ast.DefStmt:
				return false
			case *ast.AssignStmt:
				for _, t := range a.Targets {
					name, line := exprs.RootName(t)
					for _, p := range params {
						if p.Name == name && !p.Mutable && err == nil {
							err = ddberr.Errorf("Syntax Error: [line #%d] Constant variable [%s] can't be modified.", line, name)
						}
					}
				}
			}
			return err == nil
		})
	}
	return err
}

// Module applies the rules to a module's definitions, except that a module
// function may take a built-in's name: the module's namespace tells them
// apart, ::name being the built-in (use.md).
func Module(stmts []ast.Stmt) error { return checkDefs(stmts, true) }

// declarations requires each function the script declares (def f(a)
// without a body) to be defined in the same script with as many
// parameters (error_codes/s06007.md, s06008.md).
func declarations(stmts []ast.Stmt) error {
	declared := map[string]int{}
	var order []string
	for _, st := range stmts {
		if d, ok := st.(*ast.DefStmt); ok && d.Body == nil {
			if _, seen := declared[d.Name]; !seen {
				declared[d.Name] = len(d.Params)
				order = append(order, d.Name)
			}
		}
	}
	if len(declared) == 0 {
		return nil
	}
	defined := map[string]bool{}
	for _, st := range stmts {
		d, ok := st.(*ast.DefStmt)
		if !ok || d.Body == nil {
			continue
		}
		if n, ok := declared[d.Name]; ok {
			if n != len(d.Params) {
				return ddberr.Errorf("The definition of %s is inconsistent with the declared signature. RefId: S06008", d.Name)
			}
			defined[d.Name] = true
		}
	}
	for _, name := range order {
		if !defined[name] {
			return ddberr.Errorf("Function %s is declared but not defined yet. RefId: S06007", name)
		}
	}
	return nil
}

// jitRules applies to a @jit function the rules of DolphinDB's JIT
// compiler that need no type inference: every return gives a value
// (error_codes/s09009.md) and a cast's right operand is a type constant
// (s09007.md). Porpoise runs the function as any other.
func jitRules(d *ast.DefStmt) error {
	if !slices.Contains(d.Annotations, "jit") {
		return nil
	}
	var err error
	for _, st := range d.Body {
		astwalk.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ReturnStmt:
				if n.X == nil {
					err = ddberr.Errorf("JIT:Inferring return type failed. The return value cannot be NULL.RefId: S09009")
				}
			case *ast.BinaryExpr:
				if n.Op == "$" && !typeConstant(n.R) {
					err = ddberr.Errorf("JIT: Right operand of 'cast' must be a constant.RefId: S09007")
				}
			}
			return err == nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// typeConstant reports whether e is a type name such as LONG or a
// literal.
func typeConstant(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		_, ok := value.TypeByName(x.Name)
		return ok
	case *ast.Literal:
		return true
	}
	return false
}
