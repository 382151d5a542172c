// Package config holds the server configuration keys that change how
// Porpoise behaves, under their dolphindb.cfg names, with DolphinDB's
// defaults and the parsing of one key's value; loading a whole
// dolphindb.cfg file (and warning about keys it does not know) belongs to
// the command that starts the server.
package config
