package bond

import "github.com/porpoisedb/porpoise/value"

// Day counts and coupon schedules. A date is days since 1970-01-01.

// Day-count bases (the basis argument's codes).
const (
	thirty360US = iota
	actualActual
	actual360
	actual365
	thirty360EU
)

// Bond types (the bondType argument's codes).
const (
	fixedRate = iota
	discount
	zeroCoupon
)

func daysInMonth(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// addMonths moves date d by k months (k may be negative), keeping the day
// of month where it exists and the month's end when d is one.
func addMonths(d int32, k int) int32 {
	y, m, day := value.CivilFromDays(int64(d))
	eom := day == daysInMonth(y, m)
	idx := y*12 + (m - 1) + k
	ny, nm := idx/12, idx%12+1
	if idx < 0 {
		ny, nm = (idx-11)/12, ((idx%12)+12)%12+1
	}
	last := daysInMonth(ny, nm)
	if eom || day > last {
		day = last
	}
	return int32(value.DaysFromCivil(ny, nm, day))
}

// days30 is the 30/360 day count from d1 to d2: the US (NASD) rule moves
// a 31st or February's last day of d1 to the 30th and a 31st of d2 to the
// 30th when d1 is then the 30th; the European rule moves every 31st to
// the 30th.
func days30(d1, d2 int32, us bool) float64 {
	y1, m1, a := value.CivilFromDays(int64(d1))
	y2, m2, b := value.CivilFromDays(int64(d2))
	if us {
		feb1 := m1 == 2 && a == daysInMonth(y1, 2)
		feb2 := m2 == 2 && b == daysInMonth(y2, 2)
		if feb1 && feb2 {
			b = 30
		}
		if feb1 || a == 31 {
			a = 30
		}
		if b == 31 && a == 30 {
			b = 30
		}
	} else {
		a, b = min(a, 30), min(b, 30)
	}
	return float64(360*(y2-y1) + 30*(m2-m1) + (b - a))
}

// period is where a settlement date falls in a bond's coupon schedule.
type period struct {
	a          float64 // days from the previous coupon date to settlement
	e          float64 // days in the coupon period
	dsc        float64 // days from settlement to the next coupon date
	n          int     // coupons still to be paid, the next one included
	prev, next int32
}

// maxCoupons bounds the schedule a bond may have (1000 years monthly).
const maxCoupons = 12000

// couponPeriod places settlement s in the schedule that steps back from
// maturity m by 12/f months, counting days by the basis; ok is false
// when s is not before m or the schedule is absurdly long.
func couponPeriod(s, m int32, f, basis int) (p period, ok bool) {
	if s >= m || f <= 0 {
		return p, false
	}
	step := 12 / f
	// Estimate the count, then correct it, instead of stepping one by one.
	k := int(float64(m-s)/365.25*float64(f)) - 1
	if k < 0 {
		k = 0
	}
	if k > maxCoupons {
		return p, false
	}
	for k > 0 && addMonths(m, -step*k) <= s {
		k--
	}
	for addMonths(m, -step*(k+1)) > s {
		k++
		if k > maxCoupons {
			return p, false
		}
	}
	p.n = k + 1
	p.next = addMonths(m, -step*k)
	p.prev = addMonths(m, -step*(k+1))
	switch basis {
	case thirty360US, thirty360EU:
		us := basis == thirty360US
		p.a = days30(p.prev, s, us)
		p.e = 360 / float64(f)
		p.dsc = p.e - p.a
	case actualActual:
		p.a = float64(s - p.prev)
		p.e = float64(p.next - p.prev)
		p.dsc = float64(p.next - s)
	default:
		p.a = float64(s - p.prev)
		p.e = 360 / float64(f)
		if basis == actual365 {
			p.e = 365 / float64(f)
		}
		p.dsc = float64(p.next - s)
	}
	return p, true
}

// yearFrac is the years from s to m under the basis (actual/actual counts
// a year as 365 days).
func yearFrac(s, m int32, basis int) float64 {
	switch basis {
	case thirty360US, thirty360EU:
		return days30(s, m, basis == thirty360US) / 360
	case actual360:
		return float64(m-s) / 360
	}
	return float64(m-s) / 365
}
