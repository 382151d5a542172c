package main

import (
	"fmt"
	"log"
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// suiteCheck is a figure that sums up a suite query's answer, computed
// by each side: equal figures (to 1e-9 relative) mean the answers agree
// beyond their row counts.
type suiteCheck struct {
	name, porpoise, duck string
}

var suiteChecks = []suiteCheck{
	{"q01 sum of avg(val) over (sym, date) groups",
		"exec sum(avg_val) from (select avg(val) from tr group by sym, date(time) as d)",
		"select sum(a) from (select avg(val) as a from tr group by sym, cast(time as date))"},
	{"q02 sum of ref.w over ej",
		"exec sum(w) from ej(tr, ref, `sym`date)",
		"select sum(ref.w) from tr join ref on tr.sym = ref.sym and tr.date = ref.date"},
	{"q04 sum of sector over lj",
		"exec sum(sector) from lj(tr, info, `sym)",
		"select sum(info.sector) from tr left join info on tr.sym = info.sym"},
	{"q05 sum of bid over aj",
		"exec sum(bid) from aj(tr, qt, `sym`time)",
		"select sum(qt.bid) from tr asof left join qt on tr.sym = qt.sym and tr.time >= qt.time"},
	{"q05 quotes matched by aj",
		"exec count(bid) from aj(tr, qt, `sym`time)",
		"select count(qt.bid) from tr asof left join qt on tr.sym = qt.sym and tr.time >= qt.time"},
	{"q06 sum of mavg(val, 20) per sym",
		"exec sum(m) from (select mavg(val, 20) as m from tr context by sym)",
		"select sum(m) from (select case when row_number() over w >= 20 then avg(val) over (w rows between 19 preceding and current row) end as m from tr window w as (partition by sym order by time))"},
	{"q06 sum of cumsum(qty) per sym",
		"exec sum(c) from (select cumsum(qty) as c from tr context by sym)",
		"select sum(c)::double from (select sum(qty) over (partition by sym order by time rows between unbounded preceding and current row) as c from tr)"},
	{"q08 rows like A%",
		"exec count(*) from tr where sym like \"A%\"",
		"select count(*) from tr where sym like 'A%'"},
	{"q13 sum of distinct qty counts per sym",
		"exec sum(n) from (select nunique(qty) as n from tr group by sym)",
		"select sum(n) from (select count(distinct qty) as n from tr group by sym)"},
}

// verifySuite prints each check's two figures and whether they agree.
func (b *bench) verifySuite() {
	if b.db == nil {
		return
	}
	fmt.Println()
	for _, c := range append(suiteChecks, shapeChecks...) {
		p, err := b.s.Run(c.porpoise)
		if err != nil {
			// q27, q28 and q31 read tables their queries leave; -match
			// may have skipped them
			fmt.Printf("check %-44s not run: %v\n", c.name, err)
			continue
		}
		s, ok := p.(*value.Scalar)
		if !ok {
			log.Fatalf("%s: not a scalar: %v", c.porpoise, p)
		}
		pf := s.Float64()
		var df float64
		if err := b.db.QueryRow(c.duck).Scan(&df); err != nil {
			log.Fatalf("%s: %v", c.duck, err)
		}
		verdict := "agree"
		if math.Abs(pf-df) > 1e-9*math.Max(math.Abs(pf), math.Abs(df)) {
			verdict = "DIFFER"
		}
		fmt.Printf("check %-44s Porpoise %.10g DuckDB %.10g %s\n", c.name, pf, df, verdict)
	}
}
