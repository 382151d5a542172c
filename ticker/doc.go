// Package ticker runs periodic work on a goroutine it owns and stops:
// when Stop returns, the goroutine has returned and no tick is under way.
// The server's background samplers and schedulers (resource tracking,
// scheduled jobs) and the streaming engines' timers use it, so that
// every periodic goroutine has one owner that ends it.
package ticker
