package wire

import "io"

var io_EOF = io.EOF
