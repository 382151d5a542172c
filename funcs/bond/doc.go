// Package bond registers DolphinDB's fixed-income functions: a bond's
// cash flows, dirty price, accrued interest, yield, Macaulay duration and
// convexity under the five day-count bases; the conversion factor of a
// treasury future's deliverable bond; the yields of a Nelson-Siegel(-
// Svensson) curve; and the price-series measures cummdd and trueRange. It
// imports the funcs core, funcs/optimize (Brent's root finder) and
// funcs/stats (the running drawdown).
package bond
