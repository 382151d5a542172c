// Package alertengine registers DolphinDB's anomaly-detection stream
// engine, createAnomalyDetectionEngine: it checks boolean metrics on
// every row appended to it (those over columns), on every closed time
// window (those over aggregates) or on every row against the last
// window's aggregates (those mixing both), per key when keyed, and
// writes each condition that holds to an output table. It builds on
// funcs/streamengine.
package alertengine
