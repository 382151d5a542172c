package partition

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// PathName returns the directory name DolphinDB uses for the STRING or
// SYMBOL partition value s:
//   - with ignoreSpecial (ignoreSpecialCharacterInPartitionId=true, the
//     default) ':' and '.' are removed: "a:bc" → "abc";
//   - '/', '\\', '<', '>', '*' and '?' are removed when they are the first
//     character of the value and replaced with '-' elsewhere:
//     `//a\b*c<>` → "-a-b-c--", "?abc" → "abc".
//
// "First" means position 0 of the value as written [I: the order relative
// to the ':'/'.' removal is not documented].
func PathName(s string, ignoreSpecial bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if special(s[i], ignoreSpecial) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ':', '.':
			if !ignoreSpecial {
				b.WriteByte(c)
			}
		case '/', '\\', '<', '>', '*', '?':
			if i > 0 {
				b.WriteByte('-')
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func special(c byte, ignoreSpecial bool) bool {
	switch c {
	case '/', '\\', '<', '>', '*', '?':
		return true
	case ':', '.':
		return ignoreSpecial
	}
	return false
}

// intName is the directory name of an int-backed scheme value of type t:
// integers in decimal ("-5"), temporal values as DolphinDB prints them
// with '.' and ':' dropped (DATE "20240101", MONTH "202401M" [D]; DATETIME
// "20240101T093000", SECOND "093000", MINUTE "0930m", DATEHOUR
// "20240101T09" [I]). Temporal names drop '.' and ':' whatever
// ignoreSpecialCharacterInPartitionId says: DATE partitions were named
// "20170807" before that option existed.
func intName(t value.Type, v int64) string {
	if !t.IsTemporal() {
		return strconv.FormatInt(v, 10)
	}
	s := value.FormatTemporal(t, v)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != ':' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
