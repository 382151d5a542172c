package sqlparse_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	. "github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

// fuzzSeeds adds the conformance scripts and a few hand-written scripts.
func fuzzSeeds(f *testing.F) {
	for _, s := range loadConformanceScripts(f) {
		f.Add(s.Src)
	}
	for _, s := range []string{
		"x = 1 + 2 * 3",
		"select count(*) from t where id = 1 and x in 1 2 3 group by sym order by id desc limit 2, 5",
		"INSERT INTO t (id,val) VALUES (3,7.6)",
		"update t set v = v + 1 where id = 1",
		"delete from t where id = 1",
		"def f(x, y=1) { return x+y }\nf = x -> x + 1\ng = {x, y -> x pow y}",
		"if(x) y=1 else y=2\nfor(i=0;i<3;i++){ try { a } catch(ex) {} }",
		"do { x -= 1 } while(x > 0)\ntimer(10) f()\nshare t as st\nundef all",
		"x = 2012.06.13 13:30:10 2012.06M 13:30m 13:30:10.008007006 00i 1b 0x1F 3d",
		"d = {\"a\": 1, \"b\": [1,\n2]}\nupsert!{t,,true,`id}\nadd:E(1 2, 3 4)\nv.{x->x}()",
		"c ? 1 : 2; a between 1 and 2; not a in b; data\n.cumsum()\n.max()",
		"s = \"a\\tb\\n\" + 'c' + `d`e /* c */ // c",
		"x = .5 + t.5; y = 1 2 3.sum(); z = a--1; w = {1:2:3}; f(,); g{,}",
		strings.Repeat("(", 2000) + "1" + strings.Repeat(")", 2000),
		strings.Repeat("if(x) ", 2000) + "y",
		strings.Repeat("-", 2000) + "x",
	} {
		f.Add(s)
	}
}

// checkSyntaxError fails t unless err is a positioned *ast.Error that
// does not report a bug in the lexer or parser (stage).
func checkSyntaxError(t *testing.T, err error, stage string) {
	t.Helper()
	var pe *ast.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error of type %T: %v", err, err)
	}
	if pe.Internal {
		t.Fatalf("%s bug: %v", stage, err)
	}
	if pe.Pos.Line < 1 || pe.Pos.Col < 1 {
		t.Fatalf("bad error position %+v", pe.Pos)
	}
	_ = err.Error()
}

func FuzzLex(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		toks, err := lex.Lex(src)
		if err != nil {
			checkSyntaxError(t, err, "lexer")
			return
		}
		if len(toks) == 0 || toks[len(toks)-1].Kind != lex.TokEOF {
			t.Fatalf("token stream does not end with EOF")
		}
		prev := ast.Pos{Line: 1, Col: 1}
		for i, tk := range toks {
			if tk.Pos.Line < prev.Line || (tk.Pos.Line == prev.Line && tk.Pos.Col < prev.Col) {
				t.Fatalf("token %d (%q) at %+v before previous %+v", i, tk.Raw, tk.Pos, prev)
			}
			if tk.Kind == lex.TokEOF && i != len(toks)-1 {
				t.Fatalf("EOF token in the middle")
			}
			prev = tk.Pos
		}
	})
}

func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		s, err := Parse(src)
		if d := time.Since(start); d > 10*time.Second && len(src) < 100000 {
			t.Fatalf("Parse took %v on %d bytes", d, len(src))
		}
		if err != nil {
			checkSyntaxError(t, err, "parser")
			return
		}
		_ = unparse.FormatScript(s)
		astwalk.InspectScript(s, func(n ast.Node) bool {
			if p := n.Pos(); p.Line < 1 || p.Col < 1 {
				t.Fatalf("%T without a position: %+v", n, p)
			}
			return true
		})
		if e, err := ParseExpr(src); err == nil {
			_ = unparse.Format(e)
		}
	})
}
