package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/funcs/logging"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/serverlog"
)

// defaultPort is DolphinDB's default port.
const defaultPort = "8848"

// serve is `porpoise [serve] [flags]`: it serves DolphinDB's API protocol
// (and the JavaScript API's WebSocket transport) until SIGINT or SIGTERM,
// then stops gracefully.
func serve(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("porpoise",
		"usage: porpoise [serve] [--addr HOST:PORT] [--data-dir DIR | --in-memory] [--config FILE] [flags]",
		"Serves DolphinDB's API protocol; log in as admin with --password (default 123456).")
	addr := fs.String("addr", "127.0.0.1:"+defaultPort, "address to listen on; without it, a --config file's localSite port is used on 127.0.0.1")
	dataDir := fs.String("data-dir", "./porpoise-data", "directory holding dfs:// databases")
	inMemory := fs.Bool("in-memory", false, "keep dfs:// databases in memory (nothing is written to disk); excludes --data-dir")
	cfgPath := fs.String("config", "", "configuration file in dolphindb.cfg format (key=value lines, # comments); keys porpoise does not implement are warned about and ignored")
	password := fs.String("password", "123456", "password of the admin user")
	logLevel := fs.String("log-level", "warn", "least severe log records written: debug, info, warn or error (with a log file, DolphinDB's default info)")
	logFile := fs.String("log-file", "", "write the server log to this file in DolphinDB's layout, archived at the config's maxLogSize (logFile); without it, records go to stderr")
	pprofOn := fs.Bool("pprof", false, "serve Go's profiler at /debug/pprof/ on the same port")
	maxFrame := fs.Int64("max-frame", server.DefaultMaxFrame, "largest request accepted, in bytes")
	grace := fs.Duration("shutdown-timeout", 30*time.Second, "how long a stop waits for running requests")
	idle := fs.Duration("idle-timeout", 0, "close a connection that sends no request for this long (0: never, as pooled clients expect)")
	wsOrigins := fs.String("ws-origins", "", "comma-separated host patterns (*.example.com) of the web pages allowed to open the WebSocket; empty allows any, as DolphinDB does")
	maxReceiving := fs.Int64("max-receiving", server.DefaultMaxReceiving, "bytes of requests all connections may hold while they are received and run; a request past it is refused")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "porpoise: unexpected argument %q\n", fs.Arg(0))
		fs.SetOutput(stderr)
		fs.Usage()
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *inMemory && set["data-dir"] {
		fmt.Fprintln(stderr, "porpoise: --in-memory and --data-dir exclude each other: --in-memory keeps dfs:// databases in memory, --data-dir stores them on disk")
		return 2
	}
	cfg := config.Default()
	var file cfgFile
	if *cfgPath != "" {
		var err error
		file, err = loadConfig(*cfgPath, &cfg)
		if err != nil {
			fmt.Fprintf(stderr, "porpoise: %v\n", err)
			return 2
		}
		for _, w := range file.Warnings {
			fmt.Fprintf(stderr, "porpoise: %s\n", w)
		}
		if file.Port != 0 && !set["addr"] {
			*addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(file.Port))
		}
		if file.LogLevel != "" && !set["log-level"] {
			*logLevel = file.LogLevel
		}
	}
	if set["log-file"] {
		file.LogFile = *logFile
	}
	if file.LogFile != "" && !set["log-level"] && file.LogLevel == "" {
		*logLevel = "info"
	}
	level, err := parseLogLevel(*logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 2
	}
	logger, serverLog, closeLog, err := openServerLog(file, level, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "porpoise: log file: %v\n", err)
		return 1
	}
	defer closeLog()

	setGoMemoryLimit(cfg)

	opts := engine.Options{Config: &cfg, Users: map[string]string{"admin": *password}, Log: serverLog}
	where := "in memory"
	if !*inMemory {
		opts.DataDir = *dataDir
		where = "data in " + *dataDir
	}
	eng, err := engine.Open(opts)
	if err != nil {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 1
	}
	defer eng.Close()

	// Catch signals before announcing the address, so a supervisor that
	// reacts to the announcement can always stop us gracefully.
	sigc := make(chan os.Signal, 2)
	signal.Notify(sigc, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigc)
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 1
	}
	sopts := server.Options{MaxFrame: *maxFrame, Logger: logger, Pprof: *pprofOn, ReadTimeout: *idle, MaxReceiving: *maxReceiving}
	for _, o := range strings.Split(*wsOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			sopts.WebSocketOrigins = append(sopts.WebSocketOrigins, o)
		}
	}
	if !*inMemory {
		// DolphinDB reads its certificate from <home>/keys and writes a
		// self-signed one there when none is installed.
		if sopts.TLS, err = server.KeysTLS(filepath.Join(*dataDir, "keys")); err != nil {
			fmt.Fprintf(stderr, "porpoise: TLS keys: %v\n", err)
			return 1
		}
	}
	srv := server.New(eng, sopts)
	// The first line is parsed by scripts and tests: keep "porpoise
	// listening on ADDR" at its start.
	fmt.Fprintf(stdout, "porpoise listening on %s (%s); log in as admin/%s\n", l.Addr(), where, *password)
	logger.Info("serving", "addr", l.Addr().String(), "storage", where, "version", versionText())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 1
	case <-sigc:
	}
	fmt.Fprintln(stdout, "porpoise stopping (a second interrupt forces the stop)")
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	// A second SIGINT/SIGTERM during the graceful stop cancels it: running
	// requests are cancelled and every connection closed at once.
	forced := make(chan struct{})
	go func() {
		select {
		case <-sigc:
			close(forced)
			cancel()
		case <-sctx.Done():
		}
	}()
	code := 0
	if err := srv.Shutdown(sctx); err != nil {
		select {
		case <-forced:
			fmt.Fprintln(stderr, "porpoise: forced stop: running requests were cancelled")
		default:
			fmt.Fprintf(stderr, "porpoise: shutdown: %v\n", err)
		}
		code = 1
	}
	if err := <-errc; err != nil && !errors.Is(err, server.ErrServerClosed) {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		code = 1
	}
	if err := eng.Close(); err != nil {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		code = 1
	}
	return code
}

// openServerLog opens the log the server's records and writeLog's lines
// go to: the file of the config's logFile (or --log-file) in DolphinDB's
// layout, else stderr in slog's text layout; setLogLevel changes its
// level. close closes the file.
func openServerLog(file cfgFile, level slog.Level, stderr io.Writer) (*slog.Logger, logging.Log, func() error, error) {
	if file.LogFile == "" {
		lv := new(slog.LevelVar)
		lv.Set(level)
		logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lv}))
		return logger, logging.Slog(logger, lv), func() error { return nil }, nil
	}
	opts := serverlog.Options{Level: level, MaxSize: file.MaxLogSizeMB << 20, Retention: 30 * 24 * time.Hour}
	if opts.MaxSize == 0 {
		opts.MaxSize = 1024 << 20 // maxLogSize's default, 1024 MB
	}
	if file.LogRetentionDays != nil {
		opts.Retention = serverlog.Days(*file.LogRetentionDays)
	}
	f, err := serverlog.Open(file.LogFile, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	return slog.New(f.Handler()), f, f.Close, nil
}

// parseLogLevel reads --log-level and dolphindb.cfg's logLevel (DEBUG,
// INFO, WARNING, ERROR), case-insensitively.
func parseLogLevel(s string) (slog.Level, error) {
	if l, ok := serverlog.ParseLevel(s); ok {
		return l, nil
	}
	return 0, fmt.Errorf("invalid log level %q: expected debug, info, warn or error", s)
}

// setGoMemoryLimit makes maxMemSize (80% of physical memory when unset)
// the Go runtime's soft memory limit, unless GOMEMLIMIT says otherwise.
// Without it the collector lets the heap grow to twice the live data, so
// a script whose data fits in memory (seed 002's 300M-row append needs
// about 16 GiB live) still gets the process killed on a 24 GiB machine.
func setGoMemoryLimit(cfg config.Config) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if limit := memlimit.New(memlimit.Configured{MaxMemSizeGB: cfg.MaxMemSize}).MemLimit(); limit > 0 {
		debug.SetMemoryLimit(limit)
	}
}
