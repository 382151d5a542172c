package bond

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

func day(y, m, d int) int32 { return int32(value.DaysFromCivil(y, m, d)) }

func TestAddMonthsKeepsMonthEnd(t *testing.T) {
	cases := []struct {
		from int32
		k    int
		want int32
	}{
		{day(2030, 12, 31), -6, day(2030, 6, 30)},
		{day(2030, 6, 30), 6, day(2030, 12, 31)},
		{day(2024, 3, 15), -1, day(2024, 2, 15)},
		{day(2024, 3, 31), -1, day(2024, 2, 29)},
		{day(1, 1, 15), -13, day(-1, 12, 15)},
	}
	for _, c := range cases {
		if got := addMonths(c.from, c.k); got != c.want {
			t.Errorf("addMonths(%d, %d) = %d, want %d", c.from, c.k, got, c.want)
		}
	}
}

func TestDays30(t *testing.T) {
	if got := days30(day(2023, 12, 31), day(2024, 1, 1), true); got != 1 {
		t.Errorf("US 30/360 2023.12.31-2024.01.01 = %v, want 1", got)
	}
	if got := days30(day(2024, 2, 29), day(2024, 3, 31), true); got != 30 {
		t.Errorf("US 30/360 2024.02.29-2024.03.31 = %v, want 30", got)
	}
	if got := days30(day(2024, 2, 29), day(2024, 3, 31), false); got != 31 {
		t.Errorf("EU 30/360 2024.02.29-2024.03.31 = %v, want 31", got)
	}
}

func TestCouponPeriodRejectsAbsurdSchedules(t *testing.T) {
	if _, ok := couponPeriod(day(2030, 1, 1), day(2020, 1, 1), 2, actualActual); ok {
		t.Error("settlement after maturity accepted")
	}
	if _, ok := couponPeriod(-2000000000, 2000000000, 12, actualActual); ok {
		t.Error("a schedule of millions of coupons accepted")
	}
	p, ok := couponPeriod(day(2023, 1, 1), day(2030, 12, 31), 2, actualActual)
	if !ok || p.n != 16 || p.a != 1 || p.e != 181 || p.dsc != 180 {
		t.Errorf("couponPeriod = %+v, %v", p, ok)
	}
}
