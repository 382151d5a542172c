package sqlparse

import "github.com/porpoisedb/porpoise/sqlparse/ast"

// The syntax tree is package ast's; these names keep sqlparse.Expr and the
// other node names its callers use.
type (
	Pos             = ast.Pos
	Error           = ast.Error
	Node            = ast.Node
	Stmt            = ast.Stmt
	Expr            = ast.Expr
	Script          = ast.Script
	ExprStmt        = ast.ExprStmt
	AssignStmt      = ast.AssignStmt
	Param           = ast.Param
	DefStmt         = ast.DefStmt
	IfStmt          = ast.IfStmt
	ForStmt         = ast.ForStmt
	WhileStmt       = ast.WhileStmt
	DoWhileStmt     = ast.DoWhileStmt
	ReturnStmt      = ast.ReturnStmt
	BreakStmt       = ast.BreakStmt
	ContinueStmt    = ast.ContinueStmt
	TryStmt         = ast.TryStmt
	ShareStmt       = ast.ShareStmt
	UndefStmt       = ast.UndefStmt
	TimerStmt       = ast.TimerStmt
	TransactionStmt = ast.TransactionStmt
	InsertStmt      = ast.InsertStmt
	SetClause       = ast.SetClause
	UpdateStmt      = ast.UpdateStmt
	DeleteStmt      = ast.DeleteStmt
	GoStmt          = ast.GoStmt
	Ident           = ast.Ident
	LitKind         = ast.LitKind
	Literal         = ast.Literal
	SymbolVector    = ast.SymbolVector
	VectorLit       = ast.VectorLit
	ArrayExpr       = ast.ArrayExpr
	TupleExpr       = ast.TupleExpr
	ParenExpr       = ast.ParenExpr
	UnaryExpr       = ast.UnaryExpr
	BinaryExpr      = ast.BinaryExpr
	AliasExpr       = ast.AliasExpr
	NamedArg        = ast.NamedArg
	CallExpr        = ast.CallExpr
	PartialExpr     = ast.PartialExpr
	AdverbExpr      = ast.AdverbExpr
	IndexExpr       = ast.IndexExpr
	MemberExpr      = ast.MemberExpr
	LambdaExpr      = ast.LambdaExpr
	OrderItem       = ast.OrderItem
	JoinExpr        = ast.JoinExpr
	SelectExpr      = ast.SelectExpr
	DictExpr        = ast.DictExpr
	TernaryExpr     = ast.TernaryExpr
	UnionExpr       = ast.UnionExpr
	StarExpr        = ast.StarExpr
	MetaExpr        = ast.MetaExpr
	ThrowStmt       = ast.ThrowStmt
	AssertStmt      = ast.AssertStmt
	ClassStmt       = ast.ClassStmt
	ClassAttr       = ast.ClassAttr
	OverExpr        = ast.OverExpr
	WindowFrame     = ast.WindowFrame
	BoundKind       = ast.BoundKind
	FrameBound      = ast.FrameBound
	WithExpr        = ast.WithExpr
	WithTable       = ast.WithTable
	ModuleStmt      = ast.ModuleStmt
	UseStmt         = ast.UseStmt
)

// The literal kinds and window frame bounds of package ast.
const (
	LitInt, LitFloat, LitString, LitChar      = ast.LitInt, ast.LitFloat, ast.LitString, ast.LitChar
	LitSymbol, LitTemporal, LitBool, LitNull  = ast.LitSymbol, ast.LitTemporal, ast.LitBool, ast.LitNull
	UnboundedPreceding, Preceding, CurrentRow = ast.UnboundedPreceding, ast.Preceding, ast.CurrentRow
	Following, UnboundedFollowing             = ast.Following, ast.UnboundedFollowing
)
