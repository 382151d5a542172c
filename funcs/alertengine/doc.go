// Package alertengine registers DolphinDB's checking stream engines.
// createAnomalyDetectionEngine checks boolean metrics on every row
// appended to it (those over columns), on every closed time window
// (those over aggregates) or on every row against the last window's
// aggregates (those mixing both), per key when keyed, and writes each
// condition that holds to an output table. createRuleEngine checks each
// row against the rule set a column of it names, rules that updateRule
// and deleteRule change while it runs and getRules lists. Both build on
// funcs/streamengine. The anomaly-detection engine's snapshots save and
// restore its groups, their buffered rows, windows and last aggregates
// (snapshot.go); the rule engine takes no snapshot options.
package alertengine
