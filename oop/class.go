package oop

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Class is a script class: its own attributes and methods, and its base.
type Class struct {
	Name  string
	Base  *Class
	attrs []ast.ClassAttr
	// methods are the class's own definitions by name; a method only
	// declared so far (def b1()) has a nil Body.
	methods map[string]*ast.DefStmt
}

// Classes are a session's classes by name.
type Classes map[string]*Class

// Define adds the class a class statement defines (replacing one of the
// same name).
func (cs *Classes) Define(n *ast.ClassStmt) error {
	var base *Class
	if n.Base != "" {
		if base = (*cs)[n.Base]; base == nil {
			base = builtin[n.Base]
		}
		if base == nil {
			return ddberr.Errorf("The class [%s] is not defined.", n.Base)
		}
	}
	c, err := New(n, base)
	if err != nil {
		return err
	}
	if *cs == nil {
		*cs = Classes{}
	}
	(*cs)[n.Name] = c
	return nil
}

// New makes the class a class statement defines over base (nil for
// none). A derived class may not declare an attribute its base has
// (progr/inheritance.md).
func New(st *ast.ClassStmt, base *Class) (*Class, error) {
	c := &Class{Name: st.Name, Base: base, attrs: st.Attrs, methods: map[string]*ast.DefStmt{}}
	for i, a := range st.Attrs {
		if base.hasAttr(a.Name) || c.ownAttr(a.Name, i) {
			return nil, ddberr.Errorf("The attribute [%s] of class [%s] is already defined.", a.Name, st.Name)
		}
	}
	for _, m := range st.Methods {
		if old := c.methods[m.Name]; old == nil || m.Body != nil {
			c.methods[m.Name] = m
		}
	}
	return c, nil
}

// ownAttr reports whether an attribute before position i has name.
func (c *Class) ownAttr(name string, i int) bool {
	for _, a := range c.attrs[:i] {
		if a.Name == name {
			return true
		}
	}
	return false
}

func (c *Class) hasAttr(name string) bool {
	for k := c; k != nil; k = k.Base {
		if k.ownAttr(name, len(k.attrs)) {
			return true
		}
	}
	return false
}

// builtin are the classes every session has: CEPMonitor, the base of
// a CEP engine's monitors from 3.00.3 on (stream/cep_monitor_defining.md),
// which adds no attribute or method of its own.
var builtin = map[string]*Class{"CEPMonitor": {Name: "CEPMonitor", methods: map[string]*ast.DefStmt{}}}

// AttrNames are the attributes of c's objects in declaration order, the
// base class's first.
func (c *Class) AttrNames() []string { return c.attrNames() }

// AttrTypes are the declared types of AttrNames' attributes, as written
// (INT, STRING, DOUBLE VECTOR, ANY ...).
func (c *Class) AttrTypes() []string {
	var types []string
	if c.Base != nil {
		types = c.Base.AttrTypes()
	}
	for _, a := range c.attrs {
		types = append(types, a.Type)
	}
	return types
}

// attrNames are the attributes of c's objects: the base class's first,
// each class's in declaration order.
func (c *Class) attrNames() []string {
	var names []string
	if c.Base != nil {
		names = c.Base.attrNames()
	}
	for _, a := range c.attrs {
		names = append(names, a.Name)
	}
	return names
}

// Form implements value.Value: a class is called like a function to make
// an object.
func (c *Class) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (c *Class) Type() value.Type { return value.FunctionDef }

// String implements value.Value.
func (c *Class) String() string { return c.Name }

// FuncName is the class's name (calling it constructs an object).
func (c *Class) FuncName() string { return c.Name }

// method is the definition of name the class has or inherits: the most
// derived one with a body, else the most derived declaration.
func (c *Class) method(name string) *ast.DefStmt {
	var decl *ast.DefStmt
	for k := c; k != nil; k = k.Base {
		if m := k.methods[name]; m != nil {
			if m.Body != nil {
				return m
			}
			if decl == nil {
				decl = m
			}
		}
	}
	return decl
}

// IsA reports whether c is other or derives from it.
func (c *Class) IsA(other *Class) bool {
	for k := c; k != nil; k = k.Base {
		if k == other {
			return true
		}
	}
	return false
}

// NewObject is a new object of class c, every attribute (its own and
// inherited) NULL of its declared type, and the constructor to run on it
// with the call's arguments (nil when the class defines none).
func (c *Class) NewObject() (*Object, *Method) {
	o := &Object{Class: c, Fields: map[string]value.Value{}}
	for k := c; k != nil; k = k.Base {
		for _, a := range k.attrs {
			o.Fields[a.Name] = initial(a.Type)
		}
	}
	if m := c.methods[c.Name]; m != nil {
		return o, &Method{Obj: o, Def: m}
	}
	return o, nil
}

// initial is an attribute's value before it is assigned: NULL of a
// scalar type, an empty vector of a vector type.
func initial(decl string) value.Value {
	name, vector := strings.CutSuffix(decl, " VECTOR")
	t, ok := value.TypeByName(strings.TrimSuffix(name, "[]"))
	switch {
	case !ok:
		return value.NewNothing()
	case vector && !strings.HasSuffix(name, "[]"):
		return value.NewVector(t, 0, 0)
	case vector:
		return value.NewTuple(nil)
	}
	return value.NullScalar(t)
}

// Object is an instance of a class: its attribute values.
type Object struct {
	Class  *Class
	Fields map[string]value.Value
}

// Form implements value.Value.
func (o *Object) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (o *Object) Type() value.Type { return value.Resource }

// String implements value.Value, as print shows an object
// (progr/member_function.md).
func (o *Object) String() string { return "<Instance of Class '::" + o.Class.Name + "'>" }

// Get is what a name means in a method of o after the method's own
// variables: self, an attribute, or a method bound to o. A nil o (no method running) has none.
func (o *Object) Get(name string) (value.Value, bool) {
	if o == nil {
		return nil, false
	}
	if name == "self" {
		return o, true
	}
	if v, ok := o.Fields[name]; ok {
		return v, true
	}
	// a method named as a value is bound to o, as a CEP monitor passes
	// its handlers (addEventListener(updateOrders, ...))
	if m := o.Method(name); m != nil {
		return m, true
	}
	return nil, false
}

// Member is o.name: an attribute, or a method bound to o (c.append as a
// function value).
func (o *Object) Member(name string) (value.Value, bool) {
	if v, ok := o.Fields[name]; ok {
		return v, true
	}
	if m := o.Method(name); m != nil {
		return m, true
	}
	return nil, false
}

// Method is name as called on o: a method (overridden ones resolved from
// o's own class up), or a base class's constructor run on o, as a
// derived constructor does with Base(a). nil when o has neither, or o is
// nil.
func (o *Object) Method(name string) *Method {
	if o == nil {
		return nil
	}
	if m := o.Class.method(name); m != nil {
		return &Method{Obj: o, Def: m}
	}
	return nil
}

// SetAttr sets an attribute's value (setAttr, progr/utility.md).
func (o *Object) SetAttr(name string, v value.Value) error {
	if _, ok := o.Fields[name]; !ok {
		return ddberr.Errorf("The object of class [%s] doesn't have an attribute named %s.", o.Class.Name, name)
	}
	o.Fields[name] = v
	return nil
}

// Method is a method bound to an object: calling it runs the definition
// with the object's attributes in scope.
type Method struct {
	Obj *Object
	Def *ast.DefStmt
}

// Form implements value.Value.
func (m *Method) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (m *Method) Type() value.Type { return value.FunctionDef }

// String implements value.Value.
func (m *Method) String() string { return m.Def.Name }

// FuncName is the method's name.
func (m *Method) FuncName() string { return m.Def.Name }
