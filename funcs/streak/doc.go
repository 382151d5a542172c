// Package streak sums runs of consecutive positive DECIMALs exactly, in
// 128 bits: maxPositiveStreak over a whole column, mmaxPositiveStreak
// over each window, where a DOUBLE sum would drop digits.
package streak
