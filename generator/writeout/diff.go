package writeout

import (
	"fmt"
	"strings"
)

// Unified returns a unified diff (3 lines of context) from old to new, or
// "" when they are equal. It uses Myers' algorithm, whose cost grows with
// the number of changed lines, so small edits of large generated files
// stay cheap.
func Unified(oldName, newName string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	edits := myers(a, b)
	if len(edits) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks(edits, len(a), len(b)) {
		writeHunk(&out, h, a, b)
	}
	return out.String()
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// edit is a run of equal lines followed by deletions and insertions:
// a[ai:ai+del] is replaced by b[bi:bi+ins].
type edit struct {
	ai, bi, del, ins int
}

// maxEdits bounds the edit distance myers explores; its trace costs
// O(maxEdits * (len(a)+len(b))) memory.
const maxEdits = 1000

// myers finds a shortest edit script as a list of changes.
func myers(a, b []string) []edit {
	n, m := len(a), len(b)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		if d > maxEdits {
			// Too different to diff line by line within bounded memory:
			// show the whole file replaced.
			return []edit{{ai: 0, bi: 0, del: n, ins: m}}
		}
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			x := nextX(v, k, d, maxD)
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[k+maxD] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, maxD, d)
			}
		}
	}
	return nil
}

func nextX(v []int, k, d, off int) int {
	if k == -d || k != d && v[k-1+off] < v[k+1+off] {
		return v[k+1+off]
	}
	return v[k-1+off] + 1
}

// backtrack walks the trace back from the end, collecting changes.
func backtrack(trace [][]int, a, b []string, off, dEnd int) []edit {
	x, y := len(a), len(b)
	var edits []edit
	for d := dEnd; d > 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || k != d && v[k-1+off] < v[k+1+off] {
			prevK = k + 1
		}
		prevX := v[prevK+off]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
		}
		if x == prevX {
			edits = append(edits, edit{ai: x, bi: prevY, ins: 1})
		} else {
			edits = append(edits, edit{ai: prevX, bi: y, del: 1})
		}
		x, y = prevX, prevY
	}
	// Reverse into order and merge adjacent changes.
	var merged []edit
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		if l := len(merged); l > 0 && merged[l-1].ai+merged[l-1].del == e.ai && merged[l-1].bi+merged[l-1].ins == e.bi {
			merged[l-1].del += e.del
			merged[l-1].ins += e.ins
			continue
		}
		merged = append(merged, e)
	}
	return merged
}

// hunk is a group of changes close enough to share context.
type hunk struct {
	edits []edit
}

const context = 3

func hunks(edits []edit, _, _ int) []hunk {
	var hs []hunk
	for _, e := range edits {
		if l := len(hs); l > 0 {
			last := hs[l-1].edits[len(hs[l-1].edits)-1]
			if e.ai-(last.ai+last.del) <= 2*context {
				hs[l-1].edits = append(hs[l-1].edits, e)
				continue
			}
		}
		hs = append(hs, hunk{edits: []edit{e}})
	}
	return hs
}

func writeHunk(out *strings.Builder, h hunk, a, b []string) {
	first, last := h.edits[0], h.edits[len(h.edits)-1]
	aStart := max(first.ai-context, 0)
	bStart := first.bi - (first.ai - aStart)
	aEnd := min(last.ai+last.del+context, len(a))
	bEnd := last.bi + last.ins + (aEnd - (last.ai + last.del))
	fmt.Fprintf(out, "@@ -%s +%s @@\n", span(aStart, aEnd-aStart), span(bStart, bEnd-bStart))
	ai := aStart
	for _, e := range h.edits {
		for ; ai < e.ai; ai++ {
			out.WriteString(" " + line(a[ai]))
		}
		for i := 0; i < e.del; i++ {
			out.WriteString("-" + line(a[e.ai+i]))
		}
		for i := 0; i < e.ins; i++ {
			out.WriteString("+" + line(b[e.bi+i]))
		}
		ai = e.ai + e.del
	}
	for ; ai < aEnd; ai++ {
		out.WriteString(" " + line(a[ai]))
	}
}

func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func line(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n\\ No newline at end of file\n"
}
