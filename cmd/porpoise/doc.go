// Command porpoise serves DolphinDB's protocol over a Porpoise engine, or,
// as `porpoise test [--addr HOST:PORT] PATH...`, runs conformance files
// in-process or against a server. `porpoise help` lists the commands;
// every command takes --help, and `porpoise --version` prints the build.
package main
