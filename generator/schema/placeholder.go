package schema

import (
	"regexp"
	"strings"
	"time"
)

// primitiveKinds maps the type words of the docs' placeholders and
// Properties tables, lower-cased, to kinds.
var primitiveKinds = map[string]Kind{
	"string": String, "string (identifier)": String, "string (etag)": String, "string (hex)": String,
	"optional string": String, "string optional": String, "guid": String, "url": String, "uri": String,
	"relative url": String, "id": String, "string-value": String,
	"datetime": DateTime, "datetimeoffset": DateTime, "string (timestamp)": DateTime, "timestamp": DateTime,
	"datetime-value": DateTime, "string (datetime)": DateTime,
	"date": Date, "string (date)": Date,
	"string (time of day)": TimeOfDay, "timeofday": TimeOfDay, "time": TimeOfDay,
	"string (duration)": Duration, "string (iso 8601 duration)": Duration, "duration": Duration,
	"boolean": Bool, "bool": Bool,
	"int32": Int32, "integer": Int32, "int": Int32, "int16": Int32, "byte": Int32, "sbyte": Int32,
	"int64": Int64, "long": Int64,
	"double": Float, "single": Float, "decimal": Float, "float": Float, "number": Float,
	"binary": Bytes, "string (base64)": Bytes, "base64": Bytes,
	"stream": Stream,
	"json":   JSON, "object": JSON,
}

// PrimitiveKind returns the kind a type word names, such as "Int64",
// "DateTimeOffset" or "Edm.String", and whether it names one.
func PrimitiveKind(word string) (Kind, bool) {
	k, ok := primitiveKinds[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(word), "Edm."))]
	return k, ok
}

func primitiveKind(word string) Kind {
	if k, ok := PrimitiveKind(word); ok {
		return k
	}
	return JSON
}

// enumValue matches one value of an enum placeholder: a word, with an
// optional "(default)" note.
var enumValue = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.-]*)(\s*\(default\))?$`)

// classifyString decides what a string value stands for.
func classifyString(n *Node, s string) {
	n.ZeroSeen = s == ""
	if k, ok := PrimitiveKind(s); ok {
		n.Kind, n.Placeholder = k, true
		return
	}
	if values := enumValues(s); values != nil {
		n.Kind, n.Placeholder, n.EnumValues = Enum, true, values
		return
	}
	if t, canonical, ok := timestamp(s); ok {
		// "0001-01-01T00:00:00Z" is time.Time's zero, which omitzero drops.
		n.Kind, n.NonCanonical, n.ZeroSeen = DateTime, !canonical, t.IsZero()
		return
	}
	n.Kind = String
	n.Placeholder = strings.HasSuffix(strings.ToLower(s), "-value")
}

// enumValues reads "a | b | c" (and "fail (default) | replace") into its
// values, or returns nil.
func enumValues(s string) []string {
	if !strings.Contains(s, "|") {
		return nil
	}
	var values []string
	for _, part := range strings.Split(s, "|") {
		m := enumValue.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return nil
		}
		values = append(values, m[1])
	}
	return values
}

// zoneLayouts are accepted timestamps; the second value says whether the
// layout carries a zone.
var zoneLayouts = []struct {
	layout string
	zone   bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05.999999999", false},
	{"2006-01-02T15:04", false},
}

// timestamp reports whether s is a date-time, its time, and whether
// time.Time encodes it back as written (RFC 3339 with a zone, no trailing
// zeros).
func timestamp(s string) (t time.Time, canonical, ok bool) {
	for _, l := range zoneLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.zone && t.Format(time.RFC3339Nano) == s, true
		}
	}
	return time.Time{}, false, false
}
