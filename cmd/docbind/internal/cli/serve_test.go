package cli

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/docbind/docbind/generator"
)

// syncBuffer is a log the server writes while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe serves the fake of docs on a loopback port, looking for
// changed pages every poll, or watching for them when poll is 0; stop
// shuts it down and returns its exit code.
func startServe(t testing.TB, docs string, poll time.Duration, log io.Writer) (base string, stop func() int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"-docs", docs}
	if poll > 0 {
		args = append(args, "-poll", poll.String())
	}
	opt, code := parseServeArgs(args, log)
	if code >= 0 {
		t.Fatalf("parsing the flags: exit %d", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- serveOn(ctx, ln, opt, log) }()
	var once sync.Once
	exit := 0
	stop = func() int {
		once.Do(func() {
			cancel()
			exit = <-done
		})
		return exit
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

// fetch sends a request and returns the status and body.
func fetch(t *testing.T, method, url string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestServeOverLoopback serves the seed over a real socket: the
// documented request gets the documented response, another gets the
// API's error naming the closest example, and an edit of the page while
// it serves is answered without a restart; a page with errors leaves the
// last good fake serving.
func TestServeOverLoopback(t *testing.T) {
	_, docs, _ := seedDocs(t)
	var log syncBuffer
	base, stop := startServe(t, docs, 10*time.Millisecond, &log)

	status, body := fetch(t, "POST", base+"/drive/root/versions")
	if status != 201 || !strings.Contains(body, `"content": "content-value"`) {
		t.Fatalf("POST /drive/root/versions: %d %s", status, body)
	}
	status, body = fetch(t, "GET", base+"/drive/root/nope")
	if status != 404 || !strings.Contains(body, "create-version.md:29 (create_item_from_item)") {
		t.Errorf("GET /drive/root/nope: %d %s", status, body)
	}

	page := filepath.Join(docs, "create-version.md")
	src, _ := os.ReadFile(page)
	edit(t, page, bytes.Replace(src, []byte(`"content-value"`), []byte(`"edited-value"`), 1))
	waitFor(t, "the edited page to be served", func() bool {
		_, body := fetch(t, "POST", base+"/drive/root/versions")
		return strings.Contains(body, `"edited-value"`)
	})

	edit(t, page, []byte("<!-- { \"blockType\": \"request\", \"name\": broken } -->\n```http\nPOST /x\n```\n"))
	waitFor(t, "the broken page to be reported", func() bool { return strings.Contains(log.String(), "still serving") })
	if _, body := fetch(t, "POST", base+"/drive/root/versions"); !strings.Contains(body, `"edited-value"`) {
		t.Errorf("after a broken edit the fake answers %s", body)
	}

	if code := stop(); code != ExitOK {
		t.Errorf("serve exited %d:\n%s", code, log.String())
	}
	for _, want := range []string{"POST /drive/root/versions -> 201 example", "GET /drive/root/nope -> 404 no documented URL matches", "the docs changed", "stopped"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log.String())
		}
	}
}

// TestServeWatchesTheDocs serves the seed watching for changes: an edit is
// answered without a restart, and so is a page moved into a new folder,
// and an edit of it there; nothing is read again while the docs are idle.
func TestServeWatchesTheDocs(t *testing.T) {
	_, docs, _ := seedDocs(t)
	var log syncBuffer
	base, stop := startServe(t, docs, 0, &log)
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(log.String())
		}
	})
	page := filepath.Join(docs, "create-version.md")
	src, _ := os.ReadFile(page)
	served := func(value string) func() bool {
		return func() bool {
			_, body := fetch(t, "POST", base+"/drive/root/versions")
			return strings.Contains(body, value)
		}
	}

	waitFor(t, "the page to be served", served(`"content-value"`)) // read before the edit
	edit(t, page, bytes.Replace(src, []byte(`"content-value"`), []byte(`"edited-value"`), 1))
	waitFor(t, "the edited page to be served", served(`"edited-value"`))

	sub := filepath.Join(docs, "sub", "folder")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(sub, "create-version.md")
	if err := os.WriteFile(moved, bytes.Replace(src, []byte(`"content-value"`), []byte(`"moved-value"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the moved page to be served", served(`"moved-value"`))
	edit(t, moved, bytes.Replace(src, []byte(`"content-value"`), []byte(`"edited-again"`), 1))
	waitFor(t, "the page edited in its new folder to be served", served(`"edited-again"`))

	reads := strings.Count(log.String(), "the docs changed")
	time.Sleep(3 * settleDelay)
	if again := strings.Count(log.String(), "the docs changed"); again != reads {
		t.Errorf("the docs were read %d more times while idle", again-reads)
	}
	if code := stop(); code != ExitOK {
		t.Errorf("serve exited %d:\n%s", code, log.String())
	}
	if strings.Contains(log.String(), "cannot watch") {
		t.Errorf("serve fell back to polling:\n%s", log.String())
	}
}

// TestServePollsWhereWatchingFails has watching fail (as inotify's limits
// make it) and checks that serve says so and polls every -poll instead.
func TestServePollsWhereWatchingFails(t *testing.T) {
	watchFolders = func(string) (*fsnotify.Watcher, error) { return nil, syscall.ENOSPC }
	t.Cleanup(func() { watchFolders = watchDocs })
	_, docs, _ := seedDocs(t)
	var log syncBuffer
	base, _ := startServe(t, docs, 0, &log)
	waitFor(t, "the fallback to be said", func() bool {
		return strings.Contains(log.String(), "cannot watch "+docs+" for changes (no space left on device); looking for changed pages every 500ms")
	})
	page := filepath.Join(docs, "create-version.md")
	src, _ := os.ReadFile(page)
	edit(t, page, bytes.Replace(src, []byte(`"content-value"`), []byte(`"polled-value"`), 1))
	waitFor(t, "the edited page to be served", func() bool {
		_, body := fetch(t, "POST", base+"/drive/root/versions")
		return strings.Contains(body, `"polled-value"`)
	})
}

// edit rewrites a page with a modification time the watcher cannot miss.
func edit(t *testing.T, page string, data []byte) {
	t.Helper()
	info, err := os.Stat(page)
	if err == nil {
		err = os.WriteFile(page, data, 0o644)
	}
	if err == nil {
		later := info.ModTime().Add(time.Second)
		err = os.Chtimes(page, later, later)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestServeListensOnLoopbackOnly(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"-addr", "127.0.0.1:0"}, -1},
		{[]string{"-addr", "[::1]:0"}, -1},
		{[]string{"-addr", "localhost:0"}, -1},
		{[]string{"-addr", "0.0.0.0:8080"}, ExitUsage},
		{[]string{"-addr", ":8080"}, ExitUsage},
		{[]string{"-addr", "192.168.1.2:8080"}, ExitUsage},
		{[]string{"-addr", "0.0.0.0:8080", "-public"}, -1},
		{[]string{"-poll", "0s"}, ExitUsage},
		{[]string{"extra"}, ExitUsage},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if _, code := parseServeArgs(tt.args, &stderr); code != tt.want {
			t.Errorf("%v: exit %d, want %d: %s", tt.args, code, tt.want, stderr.String())
		}
	}
}

// TestServeStopsOnSignal runs docbind serve as a process and stops it with
// SIGINT and SIGTERM: it must shut down cleanly, exit 0.
func TestServeStopsOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	bin := buildDocbind(t)
	_, docs, _ := seedDocs(t)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		cmd := exec.Command(bin, "serve", "-docs", docs, "-addr", "127.0.0.1:0")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stderr)
		var log []string
		for lines.Scan() {
			log = append(log, lines.Text())
			if strings.Contains(lines.Text(), "serving the examples") {
				break
			}
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		for lines.Scan() {
			log = append(log, lines.Text())
		}
		if err := cmd.Wait(); err != nil || !strings.HasSuffix(log[len(log)-1], "docbind serve: stopped") {
			t.Errorf("after %v: %v\n%s", sig, err, strings.Join(log, "\n"))
		}
	}
}

// loadRequest is a documented request and the status it must get.
type loadRequest struct {
	method, target, body string
	header               http.Header
	status               int
}

var loadDocs = flag.String("load.docs", "", "BenchmarkServeLoad: the docs to serve (default the OneDrive corpus when it is beside the checkout, else the seed)")

// loadRequests are the documented requests of the docs at hand:
// -load.docs, else the OneDrive corpus when it is beside the checkout,
// else the seed.
func loadRequests(b *testing.B) (docs string, reqs []loadRequest) {
	docs = seedPage[:len(seedPage)-len("/create-version.md")]
	if onedrive := filepath.Join("../../../..", "..", "shared", "corpus", "onedrive"); isDir(onedrive) {
		docs = onedrive
	}
	if *loadDocs != "" {
		docs = *loadDocs
	}
	sources, err := generator.ReadSources(os.DirFS(docs), generator.Options{DocsLabel: "docs"})
	if err != nil {
		b.Fatal(err)
	}
	api, _, err := generator.BuildModel(sources, generator.Options{DocsLabel: "docs"})
	if err != nil {
		b.Fatal(err)
	}
	for _, op := range api.Operations {
		for _, ex := range op.Examples {
			x := op.Exchange(ex)
			r := loadRequest{method: x.Method, target: x.Path, body: x.RequestBody, header: http.Header{}, status: x.Status}
			if len(x.Query) > 0 {
				q := url.Values{}
				for _, kv := range x.Query {
					q.Add(kv[0], kv[1])
				}
				r.target += "?" + q.Encode()
			}
			for _, h := range x.Header {
				r.header.Set(h[0], h[1])
			}
			if x.SameRequestAs != "" {
				r.header.Set("Docbind-Example", x.Name)
			}
			if x.ContentType != "" {
				r.header.Set("Content-Type", x.ContentType)
			}
			reqs = append(reqs, r)
		}
	}
	return docs, reqs
}

// BenchmarkServeLoad sends 20,000 documented requests from 64 concurrent
// clients to docbind serve over loopback, per iteration, and reports the
// throughput and the 99th percentile latency. Any failed request, or a
// goroutine left behind after shutdown, fails it.
func BenchmarkServeLoad(b *testing.B) {
	const total, clients = 20000, 64
	docs, reqs := loadRequests(b)
	before := runtime.NumGoroutine()
	base, stop := startServe(b, docs, time.Hour, io.Discard)
	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	// The documented status of a redirect is the redirect itself.
	client := &http.Client{Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	var latencies []time.Duration
	var elapsed time.Duration
	b.ResetTimer()
	for range b.N {
		lat, took, failed := load(client, base, reqs, total, clients)
		if failed != "" {
			b.Fatal(failed)
		}
		latencies = append(latencies, lat...)
		elapsed += took
	}
	b.StopTimer()
	transport.CloseIdleConnections()
	if code := stop(); code != ExitOK {
		b.Fatalf("serve exited %d", code)
	}
	slices.Sort(latencies)
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(reqs)), "examples")
	waitForGoroutines(b, before)
}

// load sends total requests, spread over clients goroutines, cycling
// through reqs; it returns their latencies and the first failure.
func load(client *http.Client, base string, reqs []loadRequest, total, clients int) ([]time.Duration, time.Duration, string) {
	latencies := make([]time.Duration, total)
	var next atomic.Int64
	var failure atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < total; i = int(next.Add(1)) - 1 {
				r := reqs[i%len(reqs)]
				begin := time.Now()
				if err := send(client, base, r); err != nil {
					failure.CompareAndSwap(nil, err.Error())
				}
				latencies[i] = time.Since(begin)
			}
		}()
	}
	wg.Wait()
	failed, _ := failure.Load().(string)
	return latencies, time.Since(start), failed
}

func send(client *http.Client, base string, r loadRequest) error {
	req, err := http.NewRequest(r.method, base+r.target, strings.NewReader(r.body))
	if err != nil {
		return err
	}
	req.Header = r.header.Clone()
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != r.status {
		err = fmt.Errorf("%s %s: %d, want %d: %s", r.method, r.target, resp.StatusCode, r.status, body)
	}
	return err
}

// waitForGoroutines fails when more goroutines run than before, once the
// runtime has had a moment to end those that are ending.
func waitForGoroutines(b *testing.B, before int) {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if runtime.NumGoroutine() <= before {
			return
		}
	}
	buf := make([]byte, 1<<20)
	b.Fatalf("%d goroutines left behind:\n%s", runtime.NumGoroutine()-before, buf[:runtime.Stack(buf, true)])
}
