package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/docbind/docbind/generator/httpmsg"
)

// A Scenario is an entry of an ApiDoctor scenario file: values for the
// placeholders of one documented example's request, some of them read
// from the answers to setup requests sent before it.
type Scenario struct {
	Name    string
	Example string // the example's name: ApiDoctor's "method"
	// Enabled runs the example with these values, whatever its method;
	// a scenario not enabled skips it. As in ApiDoctor, a scenario
	// without "enabled" is not enabled.
	Enabled bool
	// Values are by placeholder key, in ApiDoctor's grammar: {name} in the
	// URL, $.path a member of the JSON body, Name: a header, !body, !url.
	// A value "[name]" is the one a setup request captured as [name].
	Values map[string]string
	Setup  []SetupRequest
}

// A SetupRequest is sent before a scenario's example, to capture values
// from its answer.
type SetupRequest struct {
	Example string // a documented example whose request is sent, or
	Request string // a request as HTTP text: "GET /me/drive\nHeader: v\n\nbody"
	Values  map[string]string
	// Allowed are the statuses that succeed; none means any 2xx.
	Allowed []int
	// Capture maps a value's name, in square brackets, to where the
	// answer holds it: a JSONPath ($.value[0].id), a header (Name:), or
	// the whole body (!body).
	Capture map[string]string
}

type rawScenario struct {
	Name              string                     `json:"name"`
	Method            string                     `json:"method"`
	Enabled           bool                       `json:"enabled"`
	RequestParameters map[string]json.RawMessage `json:"request-parameters"`
	Values            []rawValue                 `json:"values"`
	TestSetup         []rawSetup                 `json:"test-setup"`
	ValuesFromRequest json.RawMessage            `json:"values-from-request"`
}

// rawValue is an entry of "values" ({placeholder, location, value}) or of
// "values-from-request" ({placeholder, location, path}).
type rawValue struct {
	Placeholder string          `json:"placeholder"`
	Location    string          `json:"location"`
	Value       json.RawMessage `json:"value"`
	Path        string          `json:"path"`
}

type rawSetup struct {
	Method             string                     `json:"method"`
	HTTPRequest        string                     `json:"http-request"`
	Request            string                     `json:"request"`
	RequestParameters  map[string]json.RawMessage `json:"request-parameters"`
	AllowedStatusCodes []int                      `json:"allowed-status-codes"`
	Capture            map[string]string          `json:"capture"`
	Values             []rawValue                 `json:"values"`
}

// ReadScenarios reads an ApiDoctor scenario file: a JSON array of
// scenarios, or an object holding it as "scenarios". Both of ApiDoctor's
// forms of values are read: "request-parameters" and "test-setup" with
// "capture", and "values" with "values-from-request". A syntax error says
// where, as line:col.
func ReadScenarios(data []byte) ([]Scenario, error) {
	var raws []rawScenario
	if err := json.Unmarshal(data, &raws); err != nil {
		var wrapped struct {
			Scenarios []rawScenario `json:"scenarios"`
		}
		if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
			if werr := json.Unmarshal(data, &wrapped); werr == nil {
				raws, err = wrapped.Scenarios, nil
			} else {
				err = werr
			}
		}
		if err != nil {
			return nil, positioned(data, err)
		}
	}
	out := make([]Scenario, 0, len(raws))
	for i, r := range raws {
		s, err := r.scenario()
		if err != nil {
			return nil, fmt.Errorf("scenario %d (%q): %v", i+1, r.Name, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func (r rawScenario) scenario() (Scenario, error) {
	if r.Method == "" {
		return Scenario{}, errors.New(`it names no example ("method")`)
	}
	s := Scenario{Name: r.Name, Example: r.Method, Enabled: r.Enabled, Values: map[string]string{}}
	if err := addParameters(s.Values, r.RequestParameters); err != nil {
		return Scenario{}, err
	}
	if err := addValues(s.Values, r.Values); err != nil {
		return Scenario{}, err
	}
	for _, rs := range r.TestSetup {
		setup, err := rs.setup()
		if err != nil {
			return Scenario{}, err
		}
		s.Setup = append(s.Setup, setup)
	}
	froms, err := valuesFromRequest(r.ValuesFromRequest)
	if err != nil {
		return Scenario{}, err
	}
	for _, from := range froms {
		setup, err := from.setup()
		if err != nil {
			return Scenario{}, err
		}
		// Each captured value fills its placeholder.
		for _, v := range from.Values {
			key, err := placeholderKey(v.Placeholder, v.Location)
			if err != nil {
				return Scenario{}, err
			}
			if v.Path == "" {
				return Scenario{}, fmt.Errorf("values-from-request: %q has no path", v.Placeholder)
			}
			name := "[" + v.Placeholder + "]"
			setup.Capture[name] = v.Path
			s.Values[key] = name
		}
		s.Setup = append(s.Setup, setup)
	}
	return s, nil
}

// valuesFromRequest reads "values-from-request": one request, or several.
func valuesFromRequest(raw json.RawMessage) ([]rawSetup, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var many []rawSetup
	if err := json.Unmarshal(raw, &many); err == nil {
		return many, nil
	}
	var one rawSetup
	if err := json.Unmarshal(raw, &one); err != nil {
		return nil, fmt.Errorf("values-from-request: %v", err)
	}
	return []rawSetup{one}, nil
}

func (r rawSetup) setup() (SetupRequest, error) {
	s := SetupRequest{Example: r.Method, Request: r.HTTPRequest, Allowed: r.AllowedStatusCodes, Values: map[string]string{}, Capture: map[string]string{}}
	if s.Request == "" {
		s.Request = r.Request
	}
	if (s.Example == "") == (s.Request == "") {
		return SetupRequest{}, errors.New(`a setup request names an example ("method") or gives a request ("http-request"), not both or neither`)
	}
	if s.Request != "" {
		if _, err := httpmsg.ParseRequest(s.Request); err != nil {
			return SetupRequest{}, fmt.Errorf("setup request: %v", err)
		}
	}
	if err := addParameters(s.Values, r.RequestParameters); err != nil {
		return SetupRequest{}, err
	}
	for name, from := range r.Capture {
		if !strings.HasPrefix(name, "[") || !strings.HasSuffix(name, "]") {
			return SetupRequest{}, fmt.Errorf("capture %q: a captured value's name is in square brackets, such as [item-id]", name)
		}
		s.Capture[name] = from
	}
	return s, nil
}

// addParameters adds "request-parameters": a string value as it is, any
// other JSON as its text.
func addParameters(into map[string]string, params map[string]json.RawMessage) error {
	for key, raw := range params {
		if key == "" {
			return errors.New("request-parameters: a placeholder is empty")
		}
		into[key] = valueText(raw)
	}
	return nil
}

// addValues adds "values" entries by their placeholder keys.
func addValues(into map[string]string, values []rawValue) error {
	for _, v := range values {
		key, err := placeholderKey(v.Placeholder, v.Location)
		if err != nil {
			return err
		}
		into[key] = valueText(v.Value)
	}
	return nil
}

// placeholderKey is a placeholder of a location as a key of the
// placeholder grammar: url item-id is {item-id}, json name is $.name,
// header If-Match is If-Match:, body is !body.
func placeholderKey(placeholder, location string) (string, error) {
	if placeholder == "" && !strings.EqualFold(location, "body") {
		return "", errors.New("a value names no placeholder")
	}
	switch strings.ToLower(location) {
	case "url", "":
		if strings.HasPrefix(placeholder, "{") {
			return placeholder, nil
		}
		return "{" + placeholder + "}", nil
	case "json":
		if strings.HasPrefix(placeholder, "$") {
			return placeholder, nil
		}
		return "$." + placeholder, nil
	case "header", "httpheader":
		return http.CanonicalHeaderKey(strings.TrimSuffix(placeholder, ":")) + ":", nil
	case "body":
		return "!body", nil
	}
	return "", fmt.Errorf("%q: location %q is none of url, json, header and body", placeholder, location)
}

// valueText is a JSON value as a placeholder's value: a string's text,
// else the JSON itself.
func valueText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(raw))
}

// A PositionError is an error at a line and column of a scenario file.
type PositionError struct {
	Line, Col int
	Err       error
}

func (e *PositionError) Error() string { return fmt.Sprintf("%d:%d: %v", e.Line, e.Col, e.Err) }

func (e *PositionError) Unwrap() error { return e.Err }

// positioned adds line:col to a JSON syntax or type error.
func positioned(data []byte, err error) error {
	var offset int64 = -1
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	if offset <= 0 || offset > int64(len(data)) {
		return err
	}
	// The offset is of the byte after the one the decoder stopped at.
	before := data[:offset-1]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return &PositionError{Line: line, Col: col, Err: err}
}

// Captured reads a value a setup request captures from its answer: a
// JSONPath of the JSON body, a header (Name:), or the body (!body).
func Captured(from string, header http.Header, body []byte) (string, error) {
	switch {
	case from == "!body":
		return string(body), nil
	case strings.HasSuffix(from, ":"):
		v := header.Get(strings.TrimSuffix(from, ":"))
		if v == "" {
			return "", fmt.Errorf("the answer has no header %s", strings.TrimSuffix(from, ":"))
		}
		return v, nil
	}
	steps, err := jsonPathSteps(from)
	if err != nil {
		return "", err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var node any
	if err := dec.Decode(&node); err != nil {
		return "", fmt.Errorf("the answer is not JSON: %v", err)
	}
	for _, step := range steps {
		switch s := step.(type) {
		case string:
			m, _ := node.(map[string]any)
			v, ok := m[s]
			if !ok {
				return "", fmt.Errorf("%s: the answer has no member %q there", from, s)
			}
			node = v
		case int:
			items, _ := node.([]any)
			if s >= len(items) {
				return "", fmt.Errorf("%s: the answer has no item [%d] there", from, s)
			}
			node = items[s]
		}
	}
	if s, ok := node.(string); ok {
		return s, nil
	}
	b, err := json.Marshal(node)
	return string(b), err
}
