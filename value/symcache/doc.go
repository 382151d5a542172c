// Package symcache translates codes of one symbol base into another's,
// each distinct code looked up once, and keeps the translations of a few
// other bases in the base they are translated into, so keys that keep
// coming coded in another base (upserts, lookups) are looked up once for
// good, not once a call.
//
// It imports nothing of ours, so package value can use it.
package symcache
