package mtw

// HoldConversion keeps the conversion goroutine from taking queued rows
// until release is called.
func (w *Writer) HoldConversion() (release func()) {
	w.convHold.Lock()
	return w.convHold.Unlock
}
