// Package all links every family of built-in functions into the funcs
// registry: importing it runs each family's init. The interpreter imports
// it, so a program that runs scripts has the whole library; a family is
// added to the build by one line here.
package all

import (
	_ "github.com/porpoisedb/porpoise/funcs/cached"
	_ "github.com/porpoisedb/porpoise/funcs/convert"
	_ "github.com/porpoisedb/porpoise/funcs/dataproc"
	_ "github.com/porpoisedb/porpoise/funcs/decomp"
	_ "github.com/porpoisedb/porpoise/funcs/describe"
	_ "github.com/porpoisedb/porpoise/funcs/encoding"
	_ "github.com/porpoisedb/porpoise/funcs/env"
	_ "github.com/porpoisedb/porpoise/funcs/excel"
	_ "github.com/porpoisedb/porpoise/funcs/filesys"
	_ "github.com/porpoisedb/porpoise/funcs/fit"
	_ "github.com/porpoisedb/porpoise/funcs/genome"
	_ "github.com/porpoisedb/porpoise/funcs/higherorder"
	_ "github.com/porpoisedb/porpoise/funcs/indexed"
	_ "github.com/porpoisedb/porpoise/funcs/introspect"
	_ "github.com/porpoisedb/porpoise/funcs/ipctable"
	_ "github.com/porpoisedb/porpoise/funcs/logging"
	_ "github.com/porpoisedb/porpoise/funcs/lookup"
	_ "github.com/porpoisedb/porpoise/funcs/mathfn"
	_ "github.com/porpoisedb/porpoise/funcs/mvcc"
	_ "github.com/porpoisedb/porpoise/funcs/npy"
	_ "github.com/porpoisedb/porpoise/funcs/optimize"
	_ "github.com/porpoisedb/porpoise/funcs/stats"
	_ "github.com/porpoisedb/porpoise/funcs/streaming"
	_ "github.com/porpoisedb/porpoise/funcs/strfn"
	_ "github.com/porpoisedb/porpoise/funcs/system"
	_ "github.com/porpoisedb/porpoise/funcs/temporal"
	_ "github.com/porpoisedb/porpoise/funcs/textio"
	_ "github.com/porpoisedb/porpoise/funcs/window"
)
