package fakeenv

import "context"

// CancelLater is a context that turns cancelled once Err has been asked
// After more times: a cancel that lands in the middle of a computation,
// after the checks at its start.
type CancelLater struct {
	context.Context
	After int
}

// Err is nil for the first After calls, then context.Canceled.
func (c *CancelLater) Err() error {
	if c.After <= 0 {
		return context.Canceled
	}
	c.After--
	return nil
}
