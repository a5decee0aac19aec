package model

import (
	"fmt"
	"strings"

	"github.com/docbind/docbind/generator/naming"
)

// genericPlaceholders are placeholder names that say nothing of what they
// identify; such a parameter is named after the segment before it.
var genericPlaceholders = map[string]bool{"id": true, "key": true, "name": true, "value": true}

// parsePath reads a documented path such as /drive/items/<id>/versions or
// /drives/{drive-id}/root into segments, naming each parameter: a generic
// placeholder after "items" becomes itemID, {drive-id} becomes driveID.
func parsePath(path string) ([]Segment, error) {
	path = strings.TrimSuffix(strings.TrimSpace(path), "/")
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path %q does not start with /", path)
	}
	var segs []Segment
	var names naming.Set
	for _, part := range strings.Split(path[1:], "/") {
		if part == "" {
			return nil, fmt.Errorf("path %q has an empty segment", path)
		}
		name, isParam := placeholder(part)
		if !isParam {
			if strings.ContainsAny(part, "{}<>") {
				return nil, fmt.Errorf("path segment %q mixes a placeholder with text, which is not supported yet", part)
			}
			segs = append(segs, Segment{Literal: part})
			continue
		}
		arg := names.Unique(paramName(name, segs))
		segs = append(segs, Segment{Param: &Param{
			ArgName:   arg,
			FieldName: naming.Exported(arg),
			WireName:  arg,
		}})
	}
	return segs, nil
}

// placeholder reports whether a segment is a whole {name} or <name>.
func placeholder(part string) (string, bool) {
	if len(part) > 2 && (part[0] == '{' && part[len(part)-1] == '}' || part[0] == '<' && part[len(part)-1] == '>') {
		inner := part[1 : len(part)-1]
		if !strings.ContainsAny(inner, "{}<>/") {
			return inner, true
		}
	}
	return "", false
}

func paramName(placeholder string, before []Segment) string {
	if genericPlaceholders[strings.ToLower(strings.TrimSpace(placeholder))] && len(before) > 0 && before[len(before)-1].Param == nil {
		return naming.Unexported(naming.Singular(before[len(before)-1].Literal) + " " + placeholder)
	}
	return naming.Unexported(placeholder)
}

// template writes segments back as a path with {name} wildcards.
func template(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		if s.Param != nil {
			b.WriteString("{" + s.Param.WireName + "}")
		} else {
			b.WriteString(s.Literal)
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// matchPath reports whether a concrete example path instantiates the
// segments, and the values it gives each parameter.
func matchPath(segs []Segment, path string) ([]string, bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) != len(segs) {
		return nil, false
	}
	var args []string
	for i, s := range segs {
		if s.Param != nil {
			if parts[i] == "" {
				return nil, false
			}
			args = append(args, parts[i])
			continue
		}
		if !strings.EqualFold(s.Literal, parts[i]) {
			return nil, false
		}
	}
	return args, true
}

func params(segs []Segment) []*Param {
	var ps []*Param
	for _, s := range segs {
		if s.Param != nil {
			ps = append(ps, s.Param)
		}
	}
	return ps
}
