package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/diag"
	"github.com/docbind/docbind/generator/fake"
	"github.com/docbind/docbind/generator/httpmsg"
)

const checkServiceUsage = `usage: docbind check-service -url BASE [flags]

docbind check-service sends each documented request to the service at BASE
and reads its answer against the docs, as ApiDoctor's check-service does:
the status is the example's (or another the docs show for the operation),
the headers the example documents are sent, and a JSON body is of the
documented type rather than the example's values (members of their declared
JSON types, those the example shows present, enum members holding listed
values; members the docs do not declare and nulls they do not allow are
warnings). Each difference is a diagnostic at the example's file:line.

Only GET and HEAD examples run unless -methods all, or a scenario file
enables an example. Placeholders in the requests take the values of an
ApiDoctor scenario file (-scenarios). A header given with -header, or a
token in $DOCBIND_CHECK_TOKEN (sent as "Authorization: Bearer TOKEN"), is
sent with every request and never printed.

Exit status: 0 when every example checked conforms, 1 when any differs, 2
for bad usage or a service that cannot be reached.

Flags:
`

// checkServiceOptions are the settings of docbind check-service.
type checkServiceOptions struct {
	*options
	base      string
	headers   headerFlags
	scenarios string
	run       *regexp.Regexp
	methods   string
	rate      float64
	timeout   time.Duration
}

// headerFlags are the -header flags: "Name: value", repeatable. Its String
// never shows a value, which may be a token.
type headerFlags []string

func (h *headerFlags) String() string { return fmt.Sprintf("%d headers", len(*h)) }

func (h *headerFlags) Set(s string) error {
	name, _, ok := strings.Cut(s, ":")
	if !ok || !httpmsg.IsToken(strings.TrimSpace(name)) {
		return errors.New(`want "Name: value"`)
	}
	*h = append(*h, s)
	return nil
}

// CheckService runs docbind check-service with args (those after
// "check-service") and returns its exit code.
func CheckService(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt, code := parseCheckServiceArgs(args, stderr)
	if code >= 0 {
		return code
	}
	c := &serviceCheck{opt: opt, stdout: stdout, stderr: stderr, stored: map[string]string{}}
	return c.main(ctx)
}

func parseCheckServiceArgs(args []string, stderr io.Writer) (*checkServiceOptions, int) {
	opt := &checkServiceOptions{options: &options{set: map[string]bool{}}}
	fs := flag.NewFlagSet("docbind check-service", flag.ContinueOnError)
	var run string
	fs.StringVar(&opt.docs, "docs", "docs", "folder of Markdown API docs whose examples to check")
	fs.StringVar(&opt.configFile, "config", "", "config file (default docbind.json when it exists)")
	fs.StringVar(&opt.base, "url", "", "base URL of the service, such as https://graph.microsoft.com/v1.0 (required)")
	fs.Var(&opt.headers, "header", `header sent with every request, "Name: value" (repeatable; never printed)`)
	fs.StringVar(&opt.scenarios, "scenarios", "", "ApiDoctor scenario file: values for the requests' placeholders")
	fs.StringVar(&run, "run", "", "check only the examples whose names match this regular expression")
	fs.StringVar(&opt.methods, "methods", "get", "which examples run without a scenario enabling them: get (GET and HEAD) or all")
	fs.Var(&opt.format, "format", "how differences are printed: text, json or github")
	fs.Float64Var(&opt.rate, "rate", 5, "requests per second at most")
	fs.DurationVar(&opt.timeout, "timeout", 30*time.Second, "time a request may take")
	if code := parseFlags(fs, checkServiceUsage, args, stderr, opt.set); code >= 0 {
		return nil, code
	}
	var problem string
	switch u, err := url.Parse(opt.base); {
	case opt.base == "":
		problem = "-url is required"
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		problem = fmt.Sprintf("-url %q is not an http or https URL", opt.base)
	case opt.methods != "get" && opt.methods != "all":
		problem = "-methods is get or all"
	case opt.rate <= 0 || opt.timeout <= 0:
		problem = "-rate and -timeout must be positive"
	}
	if run != "" {
		re, err := regexp.Compile(run)
		if err != nil {
			problem = fmt.Sprintf("-run: %v", err)
		}
		opt.run = re
	}
	if problem != "" {
		return nil, usageError(fs, stderr, problem)
	}
	if err := checkDocsFolder(opt.docs, docsShown(opt.docs)); err != nil {
		fmt.Fprintln(stderr, err)
		return nil, ExitUsage
	}
	if err := opt.applyConfig(); err != nil {
		fmt.Fprintln(stderr, err)
		return nil, ExitFail
	}
	return opt, -1
}

// serviceCheck is one run of docbind check-service.
type serviceCheck struct {
	opt            *checkServiceOptions
	stdout, stderr io.Writer
	client         *http.Client
	header         http.Header
	pace           *time.Ticker
	checker        *fake.Checker
	scenarios      map[string][]fake.Scenario // by example name
	stored         map[string]string          // values setup requests captured, by [name]
	// counts for the summary line
	checked, conforming, differing, skipped, warnings int
}

// errUnreachable marks a request the service did not answer.
var errUnreachable = errors.New("the service cannot be reached")

func (c *serviceCheck) main(ctx context.Context) int {
	if code := c.prepare(); code >= 0 {
		return code
	}
	defer c.pace.Stop()
	for _, ex := range c.checker.Examples() {
		if ctx.Err() != nil {
			break
		}
		if c.opt.run != nil && !c.opt.run.MatchString(ex.Name) {
			continue
		}
		if err := c.checkExample(ctx, ex); errors.Is(err, errUnreachable) {
			fmt.Fprintf(c.stderr, "docbind check-service: %v\n", err)
			c.summary()
			return ExitUsage
		}
	}
	c.summary()
	if c.differing > 0 {
		return ExitFail
	}
	return ExitOK
}

// prepare reads the docs and the scenario file, and sets up the client.
func (c *serviceCheck) prepare() int {
	gopt := c.opt.generatorOptions(docsShown(c.opt.docs))
	// The docs' own warnings are docbind's and -lint's to report.
	api, _, err := generator.ReadModel(os.DirFS(c.opt.docs), gopt)
	if err != nil {
		for _, d := range failureDiags(err, gopt.DocsLabel) {
			c.print(d)
		}
		return ExitFail
	}
	if c.checker, err = fake.NewChecker(api); err != nil {
		fmt.Fprintf(c.stderr, "docbind check-service: %v\n", err)
		return ExitFail
	}
	if err := c.readScenarios(); err != nil {
		fmt.Fprintf(c.stderr, "docbind check-service: %v\n", err)
		return ExitUsage
	}
	c.header = http.Header{}
	for _, h := range c.opt.headers {
		name, value, _ := strings.Cut(h, ":")
		c.header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	if token := os.Getenv("DOCBIND_CHECK_TOKEN"); token != "" && c.header.Get("Authorization") == "" {
		c.header.Set("Authorization", "Bearer "+token)
	}
	c.client = &http.Client{Timeout: c.opt.timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	c.pace = time.NewTicker(time.Duration(float64(time.Second) / c.opt.rate))
	return -1
}

// readScenarios reads the -scenarios file, by example. A scenario of an
// example the docs lack is a warning: it would never run.
func (c *serviceCheck) readScenarios() error {
	c.scenarios = map[string][]fake.Scenario{}
	if c.opt.scenarios == "" {
		return nil
	}
	data, err := os.ReadFile(c.opt.scenarios)
	if err != nil {
		return err
	}
	list, err := fake.ReadScenarios(data)
	var at *fake.PositionError
	switch {
	case errors.As(err, &at):
		return fmt.Errorf("%s:%v", c.opt.scenarios, err)
	case err != nil:
		return fmt.Errorf("%s: %v", c.opt.scenarios, err)
	}
	known := map[string]bool{}
	for _, ex := range c.checker.Examples() {
		known[ex.Name] = true
	}
	for _, s := range list {
		if !known[s.Example] {
			fmt.Fprintf(c.stderr, "docbind check-service: %s: warning: scenario %q is of example %q, which the docs do not have\n", c.opt.scenarios, s.Name, s.Example)
		}
		c.scenarios[s.Example] = append(c.scenarios[s.Example], s)
	}
	return nil
}

// checkExample checks one example: once for each scenario of it, else
// once with no values when its method may run.
func (c *serviceCheck) checkExample(ctx context.Context, ex *fake.CheckExample) error {
	scenarios := c.scenarios[ex.Name]
	if len(scenarios) == 0 {
		if c.opt.methods != "all" && ex.Method != http.MethodGet && ex.Method != http.MethodHead {
			c.skipped++
			return nil
		}
		return c.checkWith(ctx, ex, fake.Scenario{Name: "", Values: map[string]string{}})
	}
	for _, s := range scenarios {
		if !s.Enabled {
			c.skipped++
			continue
		}
		if err := c.checkWith(ctx, ex, s); err != nil {
			return err
		}
	}
	return nil
}

// checkWith runs a scenario's setup requests, then checks the example
// with its values.
func (c *serviceCheck) checkWith(ctx context.Context, ex *fake.CheckExample, s fake.Scenario) error {
	c.checked++
	label := ""
	if s.Name != "" {
		label = fmt.Sprintf(" (scenario %q)", s.Name)
	}
	for _, setup := range s.Setup {
		if err := c.runSetup(ctx, setup); err != nil {
			if errors.Is(err, errUnreachable) {
				return err
			}
			c.differ(ex, fake.Difference{Code: diag.ServiceUnusable, Message: "setup request" + label + ": " + err.Error()})
			return nil
		}
	}
	values, err := c.resolve(s.Values)
	if err == nil {
		err = c.placesFor(ex, s.Values)
	}
	if err == nil {
		var diffs []fake.Difference
		diffs, err = c.checker.Check(c.sender(ctx), c.opt.base, ex, values)
		if err == nil {
			c.report(ex, label, c.hint(ex, values, diffs))
			return nil
		}
	}
	if errors.Is(err, errUnreachable) {
		return err
	}
	c.differ(ex, fake.Difference{Code: diag.ServiceUnusable, Message: "the request" + label + ": " + err.Error()})
	return nil
}

// placeholder is a {name} a path still holds, escaped or not.
var placeholder = regexp.MustCompile(`\{[^{}/]+\}|%7B.+?%7D`)

// hint adds to a status that differs the placeholder the request's path
// still held: a real service cannot answer it, and a scenario can fill it.
func (c *serviceCheck) hint(ex *fake.CheckExample, values map[string]string, diffs []fake.Difference) []fake.Difference {
	if !slices.ContainsFunc(diffs, func(d fake.Difference) bool { return d.Code == diag.ServiceStatus }) {
		return diffs
	}
	req, err := fake.Request(c.opt.base, ex, values)
	if err != nil {
		return diffs
	}
	held := placeholder.FindString(req.URL.EscapedPath())
	if held == "" {
		return diffs
	}
	if unescaped, err := url.PathUnescape(held); err == nil {
		held = unescaped
	}
	for i, d := range diffs {
		if d.Code == diag.ServiceStatus {
			diffs[i].Message += fmt.Sprintf(" (the request's path holds the placeholder %s: give it a value in a -scenarios file)", held)
		}
	}
	return diffs
}

// report prints an example's differences and counts it.
func (c *serviceCheck) report(ex *fake.CheckExample, label string, diffs []fake.Difference) {
	differs := false
	for _, d := range diffs {
		if d.Warning {
			c.warnings++
		} else {
			differs = true
		}
		c.print(c.diagnostic(ex, label, d))
	}
	if differs {
		c.differing++
	} else {
		c.conforming++
	}
}

func (c *serviceCheck) differ(ex *fake.CheckExample, d fake.Difference) {
	c.differing++
	c.print(c.diagnostic(ex, "", d))
}

// diagnostic is a difference at its example's annotation.
func (c *serviceCheck) diagnostic(ex *fake.CheckExample, label string, d fake.Difference) diag.Diagnostic {
	severity := diag.Error
	if d.Warning {
		severity = diag.Warning
	}
	return diag.Diagnostic{Pos: ex.Source, Severity: severity, Code: d.Code, Message: fmt.Sprintf("example %q%s: %s", ex.Name, label, d)}
}

func (c *serviceCheck) print(d diag.Diagnostic) {
	if c.opt.format.machine() {
		c.opt.format.print(c.stdout, d)
		return
	}
	c.opt.format.print(c.stderr, d)
}

// sender sends a request to the service, paced, with the -header headers.
func (c *serviceCheck) sender(ctx context.Context) func(*http.Request) (*http.Response, error) {
	return func(req *http.Request) (*http.Response, error) {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-c.pace.C:
		}
		for name, values := range c.header {
			req.Header[name] = values
		}
		resp, err := c.client.Do(req.WithContext(ctx))
		if err != nil {
			var uerr *url.Error
			if errors.As(err, &uerr) {
				// The URL is the service's; the error never holds a header.
				return nil, fmt.Errorf("%w: %s %s: %v", errUnreachable, req.Method, uerr.URL, uerr.Err)
			}
			return nil, fmt.Errorf("%w: %v", errUnreachable, err)
		}
		return resp, nil
	}
}

// runSetup sends a scenario's setup request and stores what it captures.
func (c *serviceCheck) runSetup(ctx context.Context, s fake.SetupRequest) error {
	values, err := c.resolve(s.Values)
	if err != nil {
		return err
	}
	req, err := c.setupRequest(s, values)
	if err != nil {
		return err
	}
	resp, err := c.sender(ctx)(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return err
	}
	ok := resp.StatusCode/100 == 2
	if len(s.Allowed) > 0 {
		ok = false
		for _, status := range s.Allowed {
			ok = ok || status == resp.StatusCode
		}
	}
	if !ok {
		return fmt.Errorf("%s %s answered %d", req.Method, req.URL.Path, resp.StatusCode)
	}
	for name, from := range s.Capture {
		v, err := fake.Captured(from, resp.Header, body)
		if err != nil {
			return fmt.Errorf("capture %s: %v", name, err)
		}
		c.stored[name] = v
	}
	return nil
}

// setupRequest is a setup's request: a documented example's, or its HTTP
// text, with values put in.
func (c *serviceCheck) setupRequest(s fake.SetupRequest, values map[string]string) (*http.Request, error) {
	if s.Example != "" {
		for _, ex := range c.checker.Examples() {
			if ex.Name == s.Example {
				return fake.Request(c.opt.base, ex, values)
			}
		}
		return nil, fmt.Errorf("the docs have no example %q", s.Example)
	}
	msg, err := httpmsg.ParseRequest(s.Request)
	if err != nil {
		return nil, err
	}
	target := msg.Path
	for key, value := range values {
		target = strings.ReplaceAll(target, key, value)
	}
	if msg.RawQuery != "" {
		target += "?" + msg.RawQuery
	}
	req, err := http.NewRequest(msg.Method, strings.TrimSuffix(c.opt.base, "/")+target, strings.NewReader(msg.Body))
	if err != nil {
		return nil, err
	}
	for name, vs := range msg.Header {
		req.Header[name] = vs
	}
	return req, nil
}

// placesFor requires each URL placeholder a scenario gives a value for
// to be in the example's request: a misspelt one would leave the
// placeholder in the request and the value unused.
func (c *serviceCheck) placesFor(ex *fake.CheckExample, values map[string]string) error {
	req, err := fake.Request(c.opt.base, ex, nil)
	if err != nil {
		return err
	}
	query, _ := url.QueryUnescape(req.URL.RawQuery)
	target := req.URL.Path + "?" + query
	for _, key := range slices.Sorted(maps.Keys(values)) {
		if strings.HasPrefix(key, "{") && !strings.Contains(target, key) {
			return fmt.Errorf("its URL has no placeholder %s for the scenario's value", key)
		}
	}
	return nil
}

// resolve puts in the values setup requests captured ([name]).
func (c *serviceCheck) resolve(values map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(values))
	for key, v := range values {
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			stored, ok := c.stored[v]
			if !ok {
				return nil, fmt.Errorf("%s: no setup request captured %s", key, v)
			}
			v = stored
		}
		out[key] = v
	}
	return out, nil
}

// summary prints the counts.
func (c *serviceCheck) summary() {
	fmt.Fprintf(c.stderr, "docbind check-service: %d examples checked: %d conform, %d differ; %d skipped; %d warnings\n",
		c.checked, c.conforming, c.differing, c.skipped, c.warnings)
}
