// Package engineparser is streamEngineParser: it splits nested metrics
// into a pipeline of reactive state, cross-sectional and time-series
// engines (row functions cross-sectional, rolling by time window, the
// rest reactive) and creates the engines, each writing to the next.
package engineparser
