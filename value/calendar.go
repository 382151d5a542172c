package value

// Civil-calendar arithmetic for DolphinDB's temporal encodings (days,
// seconds, ms or ns since 1970-01-01, months since year 0).

// DaysFromCivil returns the days since 1970-01-01 of y-m-d (proleptic
// Gregorian).
func DaysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	var doy int
	if m >= 1 && m <= 12 {
		doy = marchDays[m] + d - 1
	} else {
		mp := (m + 9) % 12
		doy = (153*mp+2)/5 + d - 1
	}
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// marchDays is the days from March 1 to the first of month m, for the
// year counted from March that DaysFromCivil works in.
var marchDays = [13]int{0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275}

// CivilFromDays is the inverse of DaysFromCivil.
func CivilFromDays(z int64) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	yy := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		yy++
	}
	return int(yy), m, d
}

// ValidDate reports whether y-m-d is a real calendar day.
func ValidDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= DaysInMonth(y, m)
}

// DaysInMonth is the number of days of month m of year y.
func DaysInMonth(y, m int) int {
	switch m {
	case 2:
		if (y%4 == 0 && y%100 != 0) || y%400 == 0 {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// FloorDiv is a / b rounded toward negative infinity, as temporal units
// divide (the day of a negative timestamp is the one before 1970.01.01).
func FloorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// FloorMod is the remainder matching FloorDiv: it has b's sign.
func FloorMod(a, b int64) int64 { return a - FloorDiv(a, b)*b }

// Time-unit constants: the counts behind DolphinDB's temporal encodings.
const (
	MsPerDay  = 86400000
	SecPerDay = 86400
	NsPerDay  = 86400000000000
	NsPerMs   = 1000000
	NsPerSec  = 1000000000
)
