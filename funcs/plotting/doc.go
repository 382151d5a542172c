// Package plotting declares plot and plotHist, which build the chart
// objects (package value/chart) a GUI draws: the series as a matrix, or
// a histogram's data and bins, with the chart's type, titles and extras.
package plotting
