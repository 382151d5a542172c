package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/porpoisedb/porpoise/conformance"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); when
// empty, the module version from the build information is printed.
var version string

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usageText = `usage: porpoise [serve] [flags]        serve DolphinDB's protocol (default 127.0.0.1:8848)
       porpoise test [flags] PATH...   run conformance .test files
       porpoise help [COMMAND]         show this help or a command's flags
       porpoise version                print the version (also --version)

Run "porpoise COMMAND --help" for a command's flags.
`

func run(args []string, stdout, stderr io.Writer) int {
	cmd := ""
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "test":
		return runTests(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "version", "--version", "-version", "-v":
		fmt.Fprintln(stdout, versionText())
		return 0
	case "help", "--help", "-help", "-h":
		if len(args) > 1 {
			switch args[1] {
			case "test":
				return runTests([]string{"--help"}, stdout, stderr)
			case "serve":
				return serve([]string{"--help"}, stdout, stderr)
			case "help", "version":
				fmt.Fprint(stdout, usageText)
				return 0
			}
			fmt.Fprintf(stderr, "porpoise help: unknown command %q\n\n%s", args[1], usageText)
			return 2
		}
		fmt.Fprint(stdout, usageText)
		return 0
	}
	return serve(args, stdout, stderr)
}

// versionText is "porpoise VERSION (GOVERSION OS/ARCH)".
func versionText() string {
	v := version
	if v == "" {
		v = "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	return fmt.Sprintf("porpoise %s (%s %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// parseFlags parses a command's flags; help goes to stdout with status 0,
// errors to stderr with status 2 (ok is false in both cases).
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return 0, false
	}
	fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
	fs.SetOutput(stderr)
	fs.Usage()
	return 2, false
}

// newFlagSet is a command's flag set, whose usage message is the given
// lines followed by the flags.
func newFlagSet(name string, usage ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		for _, l := range usage {
			fmt.Fprintln(fs.Output(), l)
		}
		fs.PrintDefaults()
	}
	return fs
}

// runTests is `porpoise test [--addr HOST:PORT] PATH...`.
func runTests(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("porpoise test",
		"usage: porpoise test [--addr HOST:PORT] [--user U --password P] PATH...",
		"Runs conformance .test files (directories recursively) in-process, or over the wire with --addr.")
	addr := fs.String("addr", "", "run the files over the wire against this server (HOST:PORT); default in-process")
	user := fs.String("user", "admin", "user name for --addr")
	password := fs.String("password", "123456", "password for --addr")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "porpoise test: no PATH given")
		fs.SetOutput(stderr)
		fs.Usage()
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
