package unparse

import (
	"testing"

	"github.com/porpoisedb/porpoise/sqlparse"
)

func TestFormatsWindowsAndWith(t *testing.T) {
	for src, want := range map[string]string{
		"select sum(v) over (partition by s rows between 1 preceding and 2 following) from t":               "select sum(v) over (partition by s rows between 1 preceding and 2 following) from t",
		"select first_value(v) OVER(partition by s ORDER BY id DESC rows 2 preceding) from t":               "select first_value(v) over (partition by s order by id desc rows between 2 preceding and current row) from t",
		"select max(q) over (partition by s order by d RANGE BETWEEN 1M PRECEDING AND 1M FOLLOWING) from t": "select max(q) over (partition by s order by d range between 1M preceding and 1M following) from t",
		"select rank() over () from t": "select rank() over () from t",
		"with a as (select * from t), b(x, y) as (select 1, 2 from a) select count(*) from b": "with a as (select * from t), b(x, y) as (select 1, 2 from a) select count(*) from b",
	} {
		e, err := sqlparse.ParseExpr(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := Format(e); got != want {
			t.Errorf("%s:\n got %s\nwant %s", src, got, want)
		}
	}
	for _, bad := range []string{
		"select sum(v) over (rows between current row and 1 preceding) from t",
		"select sum(v) over (rows between unbounded following and current row) from t",
		"select sum(v) over (rows 1 following) from t",
	} {
		if _, err := sqlparse.ParseExpr(bad); err == nil {
			t.Errorf("%s: parsed", bad)
		}
	}
}
