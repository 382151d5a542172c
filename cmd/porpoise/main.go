// Command porpoise serves DolphinDB's protocol over a Porpoise engine, or,
// as `porpoise test [--addr HOST:PORT] PATH...`, runs conformance files
// in-process or against a server.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/porpoisedb/porpoise/conformance"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "test" {
		return runTests(args[1:], stdout, stderr)
	}
	return serve(args, stdout, stderr)
}

// runTests is `porpoise test [--addr HOST:PORT] PATH...`.
func runTests(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("porpoise test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "", "run the files over the wire against this server (HOST:PORT); default in-process")
	user := fs.String("user", "admin", "user name for --addr")
	password := fs.String("password", "123456", "password for --addr")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: porpoise test [--addr HOST:PORT] PATH...")
		return 2
	}
	files, err := conformance.Collect(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	var target conformance.Target = conformance.InProcess{}
	if *addr != "" {
		target = conformance.Remote{Addr: *addr, User: *user, Password: *password}
	}
	res, err := conformance.RunFiles(target, files, stdout)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	fmt.Fprintln(stdout, res.Summary())
	if res.Failed > 0 {
		return 1
	}
	return 0
}
