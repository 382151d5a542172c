// Package contents gathers the elements of each of a vector's sliding
// windows into one result (movingWindowData, tmovingWindowData and
// movingWindowIndex), copying each window's run of elements at once.
package contents
