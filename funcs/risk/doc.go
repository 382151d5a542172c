// Package risk registers DolphinDB's value-at-risk measures of a return
// series, valueAtRisk and condValueAtRisk (expected shortfall), by the
// normal, log-normal, historical and Monte Carlo methods. It imports the
// funcs core only.
package risk
