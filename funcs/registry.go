package funcs

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Props are the facts about a built-in that code other than its
// implementation relies on.
type Props uint16

const (
	// Aggregate functions reduce a vector to a scalar; SQL group by
	// calls them once per group.
	Aggregate Props = 1 << iota
	// ElementWise functions map each element independently, so they can
	// run on any slice of rows (per partition, per group) and be joined.
	// Register makes a Pure one run once per symbol over a coded SYMBOL
	// or STRING vector with many rows per symbol (per_symbol.go).
	ElementWise
	// OrderSensitive functions depend on the order of rows (cumulative,
	// moving, prev/next, first/last); a parallel plan must keep order.
	OrderSensitive
	// Pure functions have no side effects and return the same result for
	// the same arguments, so the pruner may evaluate them on partition
	// values and the planner may fold them.
	Pure
	// Mutating functions (the '!' family) change their first argument in
	// place; the interpreter must pass the variable itself, not a copy.
	Mutating
	// Command marks a statement-like function that returns nothing.
	Command
	// Session marks a function that reads or writes session or server
	// state (variables, shared objects, databases, users).
	Session
	// FirstOnly marks an ElementWise function that is element-wise in its
	// first argument only: the others are one value for all rows (the set
	// of in, the range of between, the bins of digitize), so a column
	// there makes each row's answer depend on the other rows.
	FirstOnly
	// Owned marks a built-in whose result shares storage with no
	// variable: it copies what a variable still reaches (table keeps an
	// argument's vector as its column only when nothing else sees it), so
	// assigning the result needs no check.
	Owned
)

// Has reports whether all of q are set in p.
func (p Props) Has(q Props) bool { return p&q == q }

// ContextOf is env's context, or a background one for a built-in called
// from Go with no interpreter (a nil env).
func ContextOf(env Env) context.Context {
	if env == nil {
		return context.Background()
	}
	return env.Context()
}

// Env is what a built-in may ask of the interpreter that calls it.
type Env interface {
	// Context is cancelled when the request or job is cancelled.
	Context() context.Context
	// Call calls a function value (a built-in, a user function, a partial
	// application) with positional arguments.
	Call(fn value.Value, args ...value.Value) (value.Value, error)
	// Out is where print and friends write.
	Out() io.Writer
	// Reserve accounts n more elements against the memory limit and fails
	// with DolphinDB's out-of-memory text when they would pass it.
	Reserve(n int) error

	// Function resolves a function name as scripts see it (a user
	// definition, a built-in, or an operator's function name such as add).
	Function(name string) (value.Value, bool)
	// Var returns a variable visible to the caller: its local frame, the
	// session's variables, then shared objects.
	Var(name string) (value.Value, bool)
	// Eval evaluates an expression in the caller's scope; bind holds
	// names visible only while it runs (metacode carries the values it
	// was built from this way).
	Eval(e ast.Expr, bind map[string]value.Value) (value.Value, error)
	// EvalSession is Eval in the session's scope: the calling function's
	// local variables are not visible.
	EvalSession(e ast.Expr, bind map[string]value.Value) (value.Value, error)
	// Exec runs a statement (an update or delete built by sqlUpdate or
	// sqlDelete) in the caller's scope with bind as for Eval.
	Exec(s ast.Stmt, bind map[string]value.Value) (value.Value, error)
	// RunScript parses and runs a script in the caller's scope and returns
	// the last statement's value.
	RunScript(code string) (value.Value, error)
	// Functions lists every function the caller can call: user
	// definitions, then the built-ins (the registry's and the
	// interpreter's own).
	Functions() []FuncInfo
	// Objects lists the caller's variables and, with shared, the shared
	// objects.
	Objects(shared bool) []Object
	// SessionInfo describes the calling session.
	SessionInfo() SessionInfo
	// Rand is the session's random source (rand, shuffle), reseeded by
	// SetRandomSeed.
	Rand() *rand.Rand
	// SetRandomSeed reseeds the session's random source.
	SetRandomSeed(seed int64)
}

// FuncInfo is one row of defs(): a function's name, arity and parameter
// names.
type FuncInfo struct {
	Name        string
	Params      []string
	Min, Max    int
	Command     bool
	UserDefined bool
}

// Object is one row of objs(): a variable's name and value.
type Object struct {
	Name   string
	Value  value.Value
	Shared bool
}

// SessionInfo identifies a session, its user and, for a session opened
// by a remote client, the client's address (empty/0 when embedded).
type SessionInfo struct {
	ID   int64
	User string
	// Admin reports whether User is an administrator: the super
	// administrator admin, or a user created with isAdmin=true.
	Admin      bool
	RemoteIP   string
	RemotePort int
}

// Impl is a built-in's implementation. args holds the evaluated arguments;
// a trailing optional argument the caller left out is absent, one left
// empty inside a partial application is nil.
type Impl func(env Env, args []value.Value) (value.Value, error)

// Spec declares one built-in.
type Spec struct {
	// Name is the name scripts call it by.
	Name string
	// Params are DolphinDB's parameter names, in order, for named
	// arguments and partial application.
	Params []string
	// Min and Max bound the argument count; Max < 0 means variadic.
	Min, Max int
	// Props are the function's properties.
	Props Props
	// Category is the function reference category (math, string, ...).
	Category string
	// Fn is the implementation.
	Fn Impl
	// NamedFn, when set, is called instead of Fn with the name each
	// argument gives a column (its alias or variable name, "" for other
	// expressions), for functions whose result names columns after their
	// arguments (groupby's sym and avg_price). Fn serves calls without
	// names (Env.Call).
	NamedFn func(env Env, args []value.Value, names []string) (value.Value, error)
	// Segmented, when set, computes the function over consecutive
	// segments of its arguments at once: the vectors in args are as long
	// as starts' last entry, segment i is their rows starts[i] up to
	// starts[i+1], and the result is Fn's results on each segment's rows
	// (scalars as they are) joined in order. context by calls it once
	// instead of Fn once per group. ok false says the arguments need Fn
	// per segment after all.
	Segmented func(env Env, args []value.Value, starts []int) (r value.Value, ok bool, err error)
	// ElemNames asks for the element names of an argument written as a
	// bracketed literal ([sym, minute(t)]) in place of its own name, joined
	// by ElemNameSep (SplitElemNames reads them): groupby names its key
	// columns after them.
	ElemNames bool

	// direct is Fn as declared, before Register wrapped it.
	direct Impl
}

// ElemNameSep separates the element names of a bracketed literal argument
// in the names NamedFn receives (see Spec.ElemNames).
const ElemNameSep = "\x1f"

// SplitElemNames returns the element names of a bracketed literal
// argument ("" for an element that is not a name), or nil when name is an
// ordinary argument name.
func SplitElemNames(name string) []string {
	if !strings.Contains(name, ElemNameSep) {
		return nil
	}
	return strings.Split(name, ElemNameSep)
}

// Form implements value.Value: a built-in is a function definition.
func (s *Spec) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (s *Spec) Type() value.Type { return value.FunctionDef }

// String implements value.Value.
func (s *Spec) String() string { return s.Name }

// FuncName is the name scripts call it by.
func (s *Spec) FuncName() string { return s.Name }

// CheckArity returns DolphinDB's error for a call with n arguments that the
// function does not accept, or nil.
func (s *Spec) CheckArity(n int) error {
	if n >= s.Min && (s.Max < 0 || n <= s.Max) {
		return nil
	}
	want := s.Min
	if s.Max >= 0 && n > s.Max {
		want = s.Max
	}
	return ddberr.Errorf("The function [%s] expects %d argument(s), but the actual number of arguments is: %d", s.Name, want, n)
}

var registry = map[string]*Spec{}

// predictFns are the predict functions of model dictionaries by name.
// Most are not built-ins a script can call by name, yet a saved model
// names its predict function, and loading it must find the function again.
var predictFns = map[string]*Spec{}

// PredictSpec declares the predict function a model dictionary holds
// under "predict": called as predict(model, X) or model.predict(X).
func PredictSpec(name, category string, fn Impl) *Spec {
	s := &Spec{Name: name, Params: []string{"model", "X"}, Min: 2, Max: 2, Props: Pure, Category: category, Fn: fn}
	if _, dup := predictFns[name]; dup {
		panic("funcs: duplicate predict function " + name)
	}
	predictFns[name] = s
	return s
}

// ModelFunction is the function a model file names: a built-in or the
// predict function of a model dictionary (see PredictSpec).
func ModelFunction(name string) (*Spec, bool) {
	if s, ok := registry[name]; ok {
		return s, true
	}
	s, ok := predictFns[name]
	return s, ok
}

// Register adds built-ins to the registry. It is meant for init functions
// and panics on a duplicate name or an incomplete spec, which are
// programming errors.
func Register(specs ...Spec) {
	for i := range specs {
		s := specs[i]
		if s.Name == "" || s.Fn == nil {
			panic(fmt.Sprintf("funcs: incomplete spec %q", s.Name))
		}
		if _, dup := registry[s.Name]; dup {
			panic("funcs: duplicate built-in " + s.Name)
		}
		if s.Max >= 0 && s.Max < s.Min {
			panic("funcs: bad arity for " + s.Name)
		}
		s.direct = s.Fn
		if s.Props.Has(Pure | ElementWise) {
			s.Fn = perSymbol(s.Fn, s.Props.Has(FirstOnly))
		}
		s.Fn = onIOTAny(s.Fn, s.Props)
		registry[s.Name] = &s
	}
}

// Alias registers name as another name of the built-in target.
func Alias(name, target string) {
	t, ok := registry[target]
	if !ok {
		panic("funcs: alias of unknown built-in " + target)
	}
	s := *t
	s.Name = name
	s.Fn = t.direct // Register wraps it again
	Register(s)
}

// Lookup returns the built-in called name.
func Lookup(name string) (*Spec, bool) {
	s, ok := registry[name]
	return s, ok
}

// Internal reports whether name is a built-in scripts cannot call by
// name: one whose name holds a dot, which the parser calls for a
// statement (catalog.drop) or a dialect's function (oracle.decode).
// defs() does not list them.
func Internal(name string) bool { return strings.Contains(name, ".") }

// All returns every registered built-in, sorted by name.
func All() []*Spec {
	out := make([]*Spec, 0, len(registry))
	for _, s := range registry {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ParamIndex is the position of the parameter named name among params,
// -1 when there is none. A parameter the manual writes as alternatives,
// erase!'s key|filter, answers to each of them (funcs/e/erase_.md passes
// filter=); failing an exact match, a name matches a parameter whatever
// its case when only one does (funcs/s/sqlUpdate.md passes contextby= to
// contextBy).
func ParamIndex(params []string, name string) int {
	for _, fold := range []bool{false, true} {
		pos := -1
		for i, p := range params {
			for _, alt := range strings.Split(p, "|") {
				if alt == name || fold && strings.EqualFold(alt, name) {
					if fold && pos >= 0 {
						return -1
					}
					pos = i
				}
			}
		}
		if pos >= 0 {
			return pos
		}
	}
	return -1
}
