package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/fake"
	"github.com/docbind/docbind/generator/model"
)

const serveUsage = `usage: docbind serve [flags]

docbind serve answers HTTP requests with the examples of the docs: each
documented request gets its documented response, as NewExampleHandler in
the generated package answers them, with no Go code generated or built.
It reads the docs again when a page changes (the file system says so; where
it cannot, or with -poll, docbind serve looks for changes itself), logs
every request with the example that answered it or why none did, and stops
on SIGINT or SIGTERM.

Flags:
`

// serveOptions are the settings of docbind serve.
type serveOptions struct {
	*options
	addr   string
	public bool
	poll   time.Duration
	match  string // how requests match examples: lenient or strict
}

// Serve runs docbind serve with args (those after "serve") until ctx is
// done, and returns its exit code. The fake's address goes to stderr.
func Serve(ctx context.Context, args []string, stderr io.Writer) int {
	opt, code := parseServeArgs(args, stderr)
	if code >= 0 {
		return code
	}
	ln, err := net.Listen("tcp", opt.addr)
	if err != nil {
		fmt.Fprintf(stderr, "docbind serve: %v\n", err)
		return ExitFail
	}
	return serveOn(ctx, ln, opt, stderr)
}

func parseServeArgs(args []string, stderr io.Writer) (*serveOptions, int) {
	opt := &serveOptions{options: &options{set: map[string]bool{}}}
	fs := flag.NewFlagSet("docbind serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opt.docs, "docs", "docs", "folder of Markdown API docs to serve the examples of")
	fs.StringVar(&opt.configFile, "config", "", "config file (default docbind.json when it exists)")
	fs.StringVar(&opt.addr, "addr", "127.0.0.1:8080", "address to listen on; a loopback one unless -public")
	fs.BoolVar(&opt.public, "public", false, "allow an -addr other hosts can reach")
	fs.StringVar(&opt.match, "match", "lenient", "lenient: a request of a documented route that matches no example exactly gets the closest one's answer, as a test double should; strict: it gets 400 naming the closest example and what differed, for checking examples")
	fs.DurationVar(&opt.poll, "poll", 500*time.Millisecond, "look for changed pages this often instead of watching for the file system's events (for a network or container-mounted folder, whose changes a watcher may not see); without it, the interval where watching fails")
	if code := parseFlags(fs, serveUsage, args, stderr, opt.set); code >= 0 {
		return nil, code
	}
	switch {
	case !opt.public && !isLoopback(opt.addr):
		fmt.Fprintf(stderr, "docbind serve: -addr %s is not a loopback address; pass -public to serve other hosts\n", opt.addr)
		return nil, ExitUsage
	case opt.poll <= 0:
		fmt.Fprintln(stderr, "docbind serve: -poll must be positive")
		return nil, ExitUsage
	case opt.match != "lenient" && opt.match != "strict":
		fmt.Fprintln(stderr, "docbind serve: -match is lenient or strict")
		return nil, ExitUsage
	}
	if err := opt.applyConfig(); err != nil {
		fmt.Fprintln(stderr, err)
		return nil, ExitFail
	}
	return opt, -1
}

// failureDiags are the diagnostics of docs that could not be read or
// modelled: the errors the error lists, else one DB504 naming it.
func failureDiags(err error, docsLabel string) diag.List {
	var list diag.ErrorList
	if errors.As(err, &list) {
		return diag.List(list)
	}
	var diags diag.List
	diags.Errorf(diag.Pos{File: docsLabel}, diag.DocsUnreadable, "%v", err)
	return diags
}

// isLoopback reports whether addr's host is this machine only.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// fakeServer serves the fake of the docs and swaps in a new one when a
// page changes; requests in flight finish on the one they started on.
type fakeServer struct {
	opt     *serveOptions
	log     *log.Logger
	current atomic.Pointer[http.Handler]
	stamp   string // the docs' fingerprint when last read
}

func (s *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.current.Load()).ServeHTTP(w, r)
}

// serveOn serves the fake on ln until ctx is done, then shuts down,
// letting requests in flight finish.
func serveOn(ctx context.Context, ln net.Listener, opt *serveOptions, stderr io.Writer) int {
	s := &fakeServer{opt: opt, log: log.New(stderr, "", log.Ltime|log.Lmicroseconds)}
	// Watch before reading, so that no change after the reading is missed.
	var w *fsnotify.Watcher
	var watchErr error
	if !opt.set["poll"] {
		if w, watchErr = watchFolders(opt.docs); w != nil {
			defer w.Close()
		}
	}
	s.stamp, _ = fingerprint(opt.docs)
	if err := s.load(); err != nil {
		ln.Close()
		return ExitFail
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: s.log}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.log.Printf("docbind serve: serving the examples of %s at http://%s (interrupt to stop)", opt.docs, ln.Addr())
	if watchErr != nil {
		s.log.Printf("docbind serve: cannot watch %s for changes (%v); looking for changed pages every %s", opt.docs, watchErr, opt.poll)
	}
	s.watch(ctx, w)
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdown)
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	if err != nil {
		s.log.Printf("docbind serve: %v", err)
		return ExitFail
	}
	s.log.Print("docbind serve: stopped")
	return ExitOK
}

// watch reads the docs again whenever a page changes, until ctx is done:
// as w reports changes, else (with -poll, or where watching fails: a file
// system without events, inotify's limits) by looking for them every
// -poll.
func (s *fakeServer) watch(ctx context.Context, w *fsnotify.Watcher) {
	if w != nil {
		if s.watchEvents(ctx, w) {
			return
		}
		w.Close() // closing twice is harmless
	}
	tick := time.NewTicker(s.opt.poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			s.reloadIfChanged()
		}
	}
}

// settleDelay is how long the docs must be quiet after a change before
// they are read again: an editor's save, or a checkout, is many events.
const settleDelay = 100 * time.Millisecond

// watchEvents reads the docs again after each burst of changes w reports,
// until ctx is done (true) or w fails (false, with the reason logged).
func (s *fakeServer) watchEvents(ctx context.Context, w *fsnotify.Watcher) bool {
	var settled <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return true
		case ev, ok := <-w.Events:
			if !ok {
				s.log.Printf("docbind serve: the watcher of %s stopped; looking for changed pages every %s", s.opt.docs, s.opt.poll)
				return false
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := addFolders(w, ev.Name); err != nil {
						s.log.Printf("docbind serve: cannot watch %s for changes (%v); looking for changed pages every %s", ev.Name, err, s.opt.poll)
						return false
					}
				}
			}
			settled = time.After(settleDelay)
		case err, ok := <-w.Errors:
			if !ok {
				s.log.Printf("docbind serve: the watcher of %s stopped; looking for changed pages every %s", s.opt.docs, s.opt.poll)
				return false
			}
			// Events may have been lost (the queue overflowed): look.
			s.log.Printf("docbind serve: watching %s: %v", s.opt.docs, err)
			settled = time.After(settleDelay)
		case <-settled:
			settled = nil
			s.reloadIfChanged()
		}
	}
}

// watchFolders is watchDocs, which tests replace to have watching fail.
var watchFolders = watchDocs

// watchDocs watches every folder of the docs.
func watchDocs(dir string) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := addFolders(w, dir); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// addFolders watches dir and the folders below it, but for a .git folder,
// which holds no page.
func addFolders(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case !d.IsDir():
			return nil
		case d.Name() == ".git" && p != dir:
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// reloadIfChanged reads the docs again when their fingerprint changed:
// an event that changed no page (a file opened, a page touched with the
// same time) reads nothing.
func (s *fakeServer) reloadIfChanged() {
	stamp, err := fingerprint(s.opt.docs)
	if err != nil || stamp == s.stamp {
		return
	}
	s.stamp = stamp
	s.log.Print("docbind serve: the docs changed; reading them again")
	_ = s.load()
}

// load builds the fake from the docs. When they have errors it reports
// them and keeps serving the fake it has, if any.
func (s *fakeServer) load() error {
	start := time.Now()
	// No output folder: pages are named as the working folder reaches them.
	gopt := s.opt.generatorOptions(docsShown(s.opt.docs))
	sources, err := generator.ReadSources(os.DirFS(s.opt.docs), gopt)
	var api *model.API
	var diags diag.List
	if err == nil {
		api, diags, err = generator.BuildModel(sources, gopt)
	}
	if err != nil {
		for _, d := range failureDiags(err, gopt.DocsLabel) {
			if d.Severity == diag.Error {
				s.log.Print(d)
			}
		}
		if s.current.Load() != nil {
			s.log.Print("docbind serve: the docs have errors; still serving what they were before")
		}
		return err
	}
	var opts []fake.Option
	if s.opt.match == "strict" {
		opts = append(opts, fake.Strict())
	}
	h := fake.New(api, func(line string) { s.log.Print(line) }, opts...)
	s.current.Store(&h)
	examples, warnings := 0, 0
	for _, op := range api.Operations {
		examples += len(op.Examples)
	}
	for _, d := range diags {
		if d.Severity == diag.Warning { // notes are not warnings
			warnings++
		}
	}
	s.log.Printf("docbind serve: %d pages, %d operations, %d examples, %d warnings, read in %s",
		len(sources), len(api.Operations), examples, warnings, time.Since(start).Round(time.Millisecond))
	return nil
}

// fingerprint stamps the docs folder with each Markdown page's path, size
// and modification time: a change to any page changes it.
func fingerprint(dir string) (string, error) {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".md") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return b.String(), err
}
