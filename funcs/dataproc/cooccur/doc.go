// Package cooccur counts the pairs of events that happen within a time
// window of each other (coevent's kernel), in time proportional to the
// rows times the distinct events in a window rather than to the pairs.
package cooccur
