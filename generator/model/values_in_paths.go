package model

import (
	"strings"
	"unicode"

	"github.com/docbind/docbind/generator/naming"
)

// Docs often write a URL with the values of one example in it: an id
// (/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793), an email, a
// message id (AAMkAGE1M2IyNGNmLTI5MTkt...=), a key in parentheses
// (worksheets('Sheet1')), a function argument (getEmailActivityCounts(period='D7'))
// or an item path (root:/book1.xlsx:). Such a value is a parameter of the
// URL, never a word of its name: placeValues rewrites each into a
// placeholder, named after the segment before it or the argument it is,
// so that parsePath makes it a parameter and the URL is the one the docs
// document with placeholders elsewhere.
func placeValues(path string) string {
	path = placeItemPath(path)
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		if i == 0 || seg == "" || strings.ContainsAny(seg, "{}<>") && !strings.Contains(seg, "(") {
			continue
		}
		before := ""
		if i > 1 && isWordSegment(segs[i-1]) {
			before = segs[i-1]
		}
		segs[i] = placeSegment(seg, before)
	}
	return strings.Join(segs, "/")
}

// placeSegment rewrites one segment: (team-id) as written for {team-id};
// the arguments of a key or function call; or the whole segment when it
// is a value.
func placeSegment(seg, before string) string {
	if strings.HasPrefix(seg, "(") && strings.HasSuffix(seg, ")") && isPlaceholderName(seg[1:len(seg)-1]) {
		return "{" + seg[1:len(seg)-1] + "}"
	}
	if open := strings.IndexByte(seg, '('); open > 0 && strings.HasSuffix(seg, ")") {
		name := seg[:open]
		return name + "(" + placeArgs(seg[open+1:len(seg)-1], name) + ")"
	}
	if strings.ContainsAny(seg, "{}<>") {
		return seg
	}
	suffix := ""
	if strings.HasSuffix(seg, ":") {
		seg, suffix = seg[:len(seg)-1], ":"
	}
	if !isExampleValue(seg) {
		return seg + suffix
	}
	if before == "" {
		return "{value}" + suffix
	}
	return "{" + naming.Singular(before) + "-id}" + suffix
}

// placeArgs rewrites the literal values among a call's arguments:
// period='D7' -> period='{period}', 'Sheet1' (a key) -> '{worksheet-id}'
// for worksheets(...), count=2 -> count={count}.
func placeArgs(args, call string) string {
	if strings.TrimSpace(args) == "" {
		return args
	}
	parts := strings.Split(args, ",")
	for i, arg := range parts {
		name, value, named := strings.Cut(arg, "=")
		if !named {
			name, value = "", arg
		}
		if value == "" || strings.ContainsAny(value, "{}<>") {
			continue
		}
		param := strings.TrimSpace(name)
		if !named {
			param = naming.Singular(call[strings.LastIndexByte(call, '.')+1:]) + "-id"
		}
		if !isPlaceholderName(param) {
			continue
		}
		placeholder := "{" + param + "}"
		if q := strings.IndexAny(value, `'"`); q >= 0 {
			if end := strings.LastIndexByte(value, value[q]); end > q {
				value = value[:q+1] + placeholder + value[end:]
			}
		} else {
			value = placeholder
		}
		if named {
			parts[i] = name + "=" + value
		} else {
			parts[i] = value
		}
	}
	return strings.Join(parts, ",")
}

// placeItemPath rewrites OneDrive path addressing with a concrete path,
// root:/book1.xlsx:/workbook, as root:/{item-path}:/workbook.
func placeItemPath(path string) string {
	start := strings.Index(path, ":/")
	if start < 0 {
		return path
	}
	rest := path[start+2:]
	end := strings.IndexByte(rest, ':')
	if end < 0 {
		end = len(rest)
	}
	if end == 0 || strings.ContainsAny(rest[:end], "{}<>()") {
		return path
	}
	return path[:start+2] + "{item-path}" + rest[end:]
}

// isExampleValue reports a path segment that is a value, not a word of
// the API: identifiers of such APIs are letters, digits, dots and a
// leading $ ($value, microsoft.graph.delta, oauth2PermissionGrants), so
// anything else (GUIDs, emails, base64 ids, keys with dashes or
// underscores), a leading digit, a long run of digits or of hex digits
// marks a value.
func isExampleValue(seg string) bool {
	if seg == "" || strings.HasPrefix(seg, "$") {
		return false
	}
	if !unicode.IsLetter(rune(seg[0])) {
		return true
	}
	for _, r := range seg {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			return true
		}
	}
	return longestRun(seg, isDigit) >= 4 || longestRun(seg, isHexDigit) >= 8 && longestRun(seg, isDigit) > 0 || isBase64Like(seg)
}

// isBase64Like reports a long token of base64 letters (an id such as
// YTc2MWFkMDctMjJlZi00YTUz...): digits in it, and capitals far more often
// than camelCase words have them.
func isBase64Like(seg string) bool {
	digits, uppers := 0, 0
	for _, r := range seg {
		switch {
		case isDigit(r):
			digits++
		case unicode.IsUpper(r):
			uppers++
		}
	}
	return len(seg) >= 16 && digits >= 2 && uppers*4 >= len(seg)
}

// isWordSegment reports a literal segment that names something: the
// segment a value after it is named after.
func isWordSegment(seg string) bool {
	return seg != "" && !strings.ContainsAny(seg, "{}<>():'=") && !isExampleValue(seg) && !strings.HasPrefix(seg, "$")
}

// isPlaceholderName reports text that reads as a parameter's name: team-id,
// period, worksheet-id.
func isPlaceholderName(s string) bool {
	if s == "" || !unicode.IsLetter(rune(s[0])) {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool    { return r >= '0' && r <= '9' }
func isHexDigit(r rune) bool { return isDigit(r) || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F' }

func longestRun(s string, in func(rune) bool) int {
	longest, run := 0, 0
	for _, r := range s {
		if in(r) {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}
