// Package pickle renders a table as the Python pickle stream (protocol 4) that DolphinDB's Python API unpickles for a request with the pickle flag (8): a pandas DataFrame, or a list of numpy columns with flag 32768.
//
// It owns the pickle encoding only; whether a reply is pickled is the
// server's choice, and every other reply object is package wire's.
package pickle
