package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/server"
)

// serve is `porpoise [--addr HOST:PORT] [--data-dir DIR | --in-memory]
// [--config FILE]`: it serves DolphinDB's API protocol (and the JavaScript
// API's WebSocket transport) until SIGINT or SIGTERM, then stops
// gracefully.
func serve(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("porpoise", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: porpoise [--addr HOST:PORT] [--data-dir DIR | --in-memory] [--config FILE]")
		fmt.Fprintln(stderr, "       porpoise test [--addr HOST:PORT] PATH...")
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8848", "address to listen on (DolphinDB's default port is 8848)")
	dataDir := fs.String("data-dir", "./porpoise-data", "directory holding dfs:// databases")
	inMemory := fs.Bool("in-memory", false, "keep dfs:// databases in memory (nothing is written to disk)")
	cfgFile := fs.String("config", "", "configuration file in dolphindb.cfg format (key=value lines, # comments)")
	maxFrame := fs.Int64("max-frame", server.DefaultMaxFrame, "largest request accepted, in bytes")
	grace := fs.Duration("shutdown-timeout", 30*time.Second, "how long a stop waits for running requests")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "porpoise: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	cfg := engine.DefaultConfig()
	if *cfgFile != "" {
		if err := loadConfig(*cfgFile, &cfg); err != nil {
			fmt.Fprintf(stderr, "porpoise: %v\n", err)
			return 2
		}
	}
	opts := engine.Options{Config: &cfg, InMemory: *inMemory}
	if !*inMemory {
		opts.DataDir = *dataDir
	}
	eng, err := engine.Open(opts)
	if err != nil {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 1
	}
	defer eng.Close()

	// Catch signals before announcing the address, so a supervisor that
	// reacts to the announcement can always stop us gracefully.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 1
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := server.New(eng, server.Options{MaxFrame: *maxFrame, Logger: logger})
	where := "data in " + *dataDir
	if *inMemory {
		where = "in memory"
	}
	fmt.Fprintf(stdout, "porpoise listening on %s (%s)\n", l.Addr(), where)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "porpoise: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	stop()
	fmt.Fprintln(stdout, "porpoise stopping")
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	code := 0
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "porpoise: shutdown: %v\n", err)
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

// loadConfig reads a dolphindb.cfg file: key=value lines, blank lines and
// lines starting with # ignored; unknown keys are errors.
func loadConfig(path string, cfg *engine.Config) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			return fmt.Errorf("%s:%d: expected key=value, got %q", path, n, line)
		}
		if err := cfg.Set(strings.TrimSpace(key), strings.TrimSpace(val)); err != nil {
			return fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	return sc.Err()
}
