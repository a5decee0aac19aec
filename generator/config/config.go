// Package config reads docbind.json, the optional file that says what
// docbind generates. JSON rather than YAML: the standard library reads it
// with unknown keys rejected, so docbind needs no YAML dependency, and
// editors check it against docbind.schema.json.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/docbind/docbind/generator/diag"
)

// Config is the content of docbind.json. Paths are relative to the file.
type Config struct {
	Schema     string            `json:"$schema,omitempty"`
	Docs       string            `json:"docs,omitempty"`
	Out        string            `json:"out,omitempty"`
	Package    string            `json:"package,omitempty"`
	Include    []string          `json:"include,omitempty"`
	Exclude    []string          `json:"exclude,omitempty"`
	BaseURL    string            `json:"baseURL,omitempty"`
	Operations map[string]string `json:"operations,omitempty"`
	Types      map[string]string `json:"types,omitempty"`
	Suppress   []Suppression     `json:"suppress,omitempty"`
	OpenAPI    *OpenAPI          `json:"openapi,omitempty"`
}

// OpenAPI says where docbind writes the OpenAPI 3.1 description of the
// docs, and what the docs do not say of the API.
type OpenAPI struct {
	File    string   `json:"file,omitempty"`    // the document to write (JSON)
	Title   string   `json:"title,omitempty"`   // info.title
	Version string   `json:"version,omitempty"` // info.version
	Servers []string `json:"servers,omitempty"` // servers[].url; default the examples' base URL
}

// Suppression silences one diagnostic code, on the pages a glob matches
// (every page when Files is empty).
type Suppression struct {
	Code  diag.Code `json:"code"`
	Files string    `json:"files,omitempty"`
}

// Load reads a config file. Errors are diagnostics at the file's position.
func Load(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, data)
}

// Parse reads config data; file names it in errors.
func Parse(file string, data []byte) (*Config, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Config
	if err := dec.Decode(&c); err != nil {
		return nil, positioned(file, data, dec.InputOffset(), err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, positioned(file, data, dec.InputOffset(), errors.New("more than one JSON value"))
	}
	if err := c.validate(); err != nil {
		var l diag.List
		l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, diag.BadConfig, "%v", err)
		return nil, l.Err()
	}
	return &c, nil
}

func positioned(file string, data []byte, offset int64, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		offset = se.Offset
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		offset = te.Offset
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	// encoding/json does not say where an unknown key is: find it.
	if name, ok := strings.CutPrefix(msg, "unknown field "); ok {
		if i := bytes.Index(data, []byte(name)); i >= 0 {
			offset = int64(i) + 1
		}
	}
	var l diag.List
	l.Errorf(diag.NewLines(file, data).Pos(int(max(offset-1, 0))), diag.BadConfig, "%s", msg)
	return l.Err()
}

func (c *Config) validate() error {
	for _, g := range append(append([]string{}, c.Include...), c.Exclude...) {
		if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
			return fmt.Errorf("bad glob %q: %v", g, err)
		}
	}
	if err := CheckRenames(c.Operations, c.Types); err != nil {
		return err
	}
	for _, s := range c.Suppress {
		if _, ok := diag.Explanations[s.Code]; !ok {
			return fmt.Errorf("suppress: unknown diagnostic code %q", s.Code)
		}
		if _, err := path.Match(strings.ReplaceAll(s.Files, "**", "*"), ""); err != nil {
			return fmt.Errorf("suppress: bad glob %q: %v", s.Files, err)
		}
	}
	return nil
}

// CheckRenames refuses a rename to what is not an exported Go identifier:
// operations become methods, and types names, that users call from their
// own packages.
func CheckRenames(renames ...map[string]string) error {
	for _, m := range renames {
		for _, from := range slices.Sorted(maps.Keys(m)) {
			if to := m[from]; !token.IsIdentifier(to) || !token.IsExported(to) {
				return fmt.Errorf("rename of %q: %q is not an exported Go identifier", from, to)
			}
		}
	}
	return nil
}

// Match reports whether a slash path matches a glob in which "**" stands
// for any number of folders and the rest is path.Match syntax.
func Match(glob, name string) bool {
	return matchParts(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchParts(glob, name []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchParts(glob[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(glob[0], name[0]); !ok {
			return false
		}
		glob, name = glob[1:], name[1:]
	}
	return len(name) == 0
}
