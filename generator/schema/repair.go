package schema

// RepairNote is one change Repair made to lenient JSON, at a byte offset.
type RepairNote struct {
	Offset int
	What   string
}

// Repair turns the lenient JSON of the docs into strict JSON: it blanks
// /* */ and // comments and trailing commas with spaces, so that every
// byte keeps its offset (and positions stay right), and reports each change.
func Repair(src string) (string, []RepairNote) {
	out := []byte(src)
	var notes []RepairNote
	inString := false
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '/' && i+1 < len(out) && (out[i+1] == '/' || out[i+1] == '*'):
			end := commentEnd(out, i)
			blank(out, i, end)
			notes = append(notes, RepairNote{Offset: i, What: "removed a comment"})
			i = end - 1
		case c == ',' && closesNext(out, i+1):
			out[i] = ' '
			notes = append(notes, RepairNote{Offset: i, What: "removed a trailing comma"})
		}
	}
	return string(out), notes
}

// commentEnd is the offset just past the comment starting at i.
func commentEnd(b []byte, i int) int {
	if b[i+1] == '/' {
		for j := i; j < len(b); j++ {
			if b[j] == '\n' {
				return j
			}
		}
		return len(b)
	}
	for j := i + 2; j+1 < len(b); j++ {
		if b[j] == '*' && b[j+1] == '/' {
			return j + 2
		}
	}
	return len(b)
}

// blank replaces b[from:to] with spaces, keeping line breaks.
func blank(b []byte, from, to int) {
	for k := from; k < to; k++ {
		if b[k] != '\n' && b[k] != '\r' {
			b[k] = ' '
		}
	}
}

// closesNext reports whether only white space and comments separate
// offset i from a closing bracket.
func closesNext(b []byte, i int) bool {
	for i < len(b) {
		switch c := b[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '/' && i+1 < len(b) && (b[i+1] == '/' || b[i+1] == '*'):
			i = commentEnd(b, i)
		default:
			return c == '}' || c == ']'
		}
	}
	return false
}
