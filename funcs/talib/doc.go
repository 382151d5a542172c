// Package talib registers DolphinDB's TA-Lib family (the manual's "TA-lib"
// page): sma, wma, ema, dema, tema, wilder, gema, kama, trima, t3, ma and
// linearTimeTrend.
package talib
