// Package bond registers DolphinDB's fixed-income functions: a bond's
// cash flows, dirty price, accrued interest, yield, Macaulay duration and
// convexity under the five day-count bases; bondCalculator, the Chinese
// interbank market's conversions between yield, clean and dirty price
// with their risk measures; the conversion factor of a treasury future's
// deliverable bond; Nelson-Siegel(-Svensson) curves fitted to yields (ns,
// nss) and their predicted yields; ChinaBond's value of a credit risk
// mitigation warrant (crmwCBond); and the price-series measures cummdd
// and trueRange. It imports the funcs core, funcs/optimize (Brent's root
// finder) and funcs/stats (the running drawdown); ns and nss call the
// optimiser their method names through the registry.
package bond
