// Package chart is DolphinDB's chart value (data form 7), what plot and
// plotHist return for a GUI to draw: a dictionary from STRING keys
// (chartType, stacking, title, data, extras, and binCount, binStart and
// binEnd for a histogram) to their values, sent over the wire as a
// dictionary with the chart form. It imports value only.
package chart
