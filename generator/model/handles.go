package model

import (
	"strings"

	"github.com/docbind/docbind/generator/naming"
)

// handleFor finds the handle a variant's method goes on, creating it and
// its parents: the URL the variant has before what it shares with its
// operation's first URL (/users/{id}/mailFolders/{id} before
// messages/{id}), when that ends with an item of a collection and every
// step to it is a literal and one whole-segment key. It returns nil, 0 for
// Client itself, else the handle and the index of v.Parts below it.
func (b *builder) handleFor(first, v *Variant) (*Handle, int) {
	steps, ok := keyedSteps(v.Parts)
	if !ok {
		return nil, 0
	}
	shared := sharedTail(first.Parts, v.Parts)
	// The deepest step that leaves the shared tail and something more
	// below it: the operation's own resource is never a handle.
	take := 0
	for i, st := range steps {
		if st.end <= len(v.Parts)-max(shared, 1) {
			take = i + 1
		}
	}
	var h *Handle
	for _, st := range steps[:take] {
		next := b.handle(h, v.Parts[st.start:st.end])
		if next == nil {
			break
		}
		h = next
	}
	if h == nil {
		return nil, 0
	}
	return h, stepEnd(steps, h.Depth)
}

// keyedStep is a piece of a URL's parts: literal text ending in "/" and
// the whole-segment key after it (/users/ {userID}).
type keyedStep struct{ start, end int }

// keyedSteps are the leading steps of parts that are literal then key;
// ok is false when the URL starts with anything else.
func keyedSteps(parts []PathPart) (steps []keyedStep, ok bool) {
	for i := 0; i+1 < len(parts); i += 2 {
		lit, key := parts[i], parts[i+1]
		if lit.Param != nil || key.Param == nil || key.Param.Multi || !strings.HasPrefix(lit.Literal, "/") || !strings.HasSuffix(lit.Literal, "/") {
			break
		}
		if i+2 < len(parts) && !strings.HasPrefix(parts[i+2].Literal, "/") {
			break // the key is not a whole segment: /drive/root:/{path}:
		}
		words := strings.Split(strings.Trim(lit.Literal, "/"), "/")
		if !allIdentifiers(words) {
			break
		}
		steps = append(steps, keyedStep{i, i + 2})
	}
	return steps, len(steps) > 0
}

func stepEnd(steps []keyedStep, depth int) int { return steps[depth-1].end }

func allIdentifiers(words []string) bool {
	for _, w := range words {
		if w == "" || !isIdentifier(w) {
			return false
		}
	}
	return true
}

// sharedTail counts the parts at the end of a and b that are alike:
// equal literals, or parameters.
func sharedTail(a, b []PathPart) int {
	n := 0
	for n < len(a) && n < len(b) {
		x, y := a[len(a)-1-n], b[len(b)-1-n]
		if (x.Param == nil) != (y.Param == nil) || x.Param == nil && !strings.EqualFold(x.Literal, y.Literal) {
			break
		}
		n++
	}
	return n
}

// handle returns the handle below parent for a step (literal, key),
// creating it; nil when its names are taken.
func (b *builder) handle(parent *Handle, step []PathPart) *Handle {
	key := handleKey(parent, step)
	if h, ok := b.handles[key]; ok {
		return h
	}
	words := strings.Split(strings.Trim(step[0].Literal, "/"), "/")
	for i, w := range words {
		words[i] = recaseWord(w, b.caseDict) // calendargroups -> calendarGroups
	}
	words[len(words)-1] = naming.Singular(words[len(words)-1])
	fn := naming.Exported(strings.Join(words, " "))
	typ := fn + "Client"
	depth := 1
	if parent != nil {
		typ = strings.TrimSuffix(parent.Type, "Client") + typ
		depth = parent.Depth + 1
	}
	names := b.namesOn(parent)
	if names.Taken(fn) || b.types.names.Taken(typ) {
		b.handles[key] = nil // its variants stay where they are
		return nil
	}
	names.Reserve(fn)
	b.types.names.Reserve(typ)
	h := &Handle{Type: typ, Func: fn, Parent: parent, Parts: step, Key: step[1].Param, Depth: depth}
	b.handles[key] = h
	return h
}

// handleKey identifies a handle by its parent and its literal, the key's
// name aside. Case counts: a handle sends its literal as written, and an
// example's URL must reach the wire as the docs write it.
func handleKey(parent *Handle, step []PathPart) string {
	key := step[0].Literal + "{}"
	if parent != nil {
		key = parent.Type + key
	}
	return key
}
