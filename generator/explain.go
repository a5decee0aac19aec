package generator

import (
	"fmt"
	"io"
	"strings"

	"github.com/docbind/docbind/generator/model"
)

// Explain writes what was generated from what: for each doc page, the files
// it gave and, with their sources, the operations (each client method and
// URL, the Server method, the examples tested) and the types in them; then
// the files every page shares. It is the CLI's -v report: a reviewer of a
// regenerated package can trace any declaration back to its line of docs.
func (r *Result) Explain(w io.Writer) {
	filesOf := map[string][]string{} // by page; "" for the shared files
	for _, f := range r.Files {
		filesOf[f.Page] = append(filesOf[f.Page], f.Name)
	}
	for _, page := range r.API.Pages {
		fmt.Fprintf(w, "%s -> %s\n", page.Path, strings.Join(filesOf[page.Path], ", "))
		for _, op := range page.Operations {
			explainOperation(w, op)
		}
		for _, t := range page.Types {
			fmt.Fprintf(w, "  type %s%s from %s (%s)\n", t.Name, odataSuffix(t.ODataType), t.Source, t.Origin)
		}
		for _, e := range page.Enums {
			fmt.Fprintf(w, "  enum %s (%d values) from %s\n", e.Name, len(e.Values), e.Source)
		}
		for _, u := range page.Unions {
			fmt.Fprintf(w, "  union %s of %s\n", u.Name, u.Base.Name)
		}
		if len(page.Instances) > 0 {
			fmt.Fprintf(w, "  round-trip test of %s\n", count(len(page.Instances), "documented instance"))
		}
	}
	fmt.Fprintf(w, "shared -> %s (Server: %s, %s)\n",
		strings.Join(filesOf[""], ", "), count(servedCount(r.API), "method"), count(len(r.API.Routes), "route"))
}

func explainOperation(w io.Writer, op *model.Operation) {
	fmt.Fprintf(w, "  operation %s from %s (%s tested)\n", op.Name, op.Source, count(len(op.Examples), "example"))
	fmt.Fprintf(w, "    name %s %s\n", op.Name, op.NameFrom)
	for _, pos := range op.AlsoDocumented {
		fmt.Fprintf(w, "    also documented at %s\n", pos)
	}
	for _, v := range op.Variants {
		serving := "served as " + op.Name
		switch {
		case v.Unrouted:
			serving = "client only: ServeMux cannot route it beside the others"
		case v.ServedBy != nil:
			serving = "served as " + v.ServedBy.Op.Name + ", which documents it too"
		}
		fmt.Fprintf(w, "    client %s: %s (%s) from %s; named after %s\n", v.QualifiedMethod(), v.Pattern, serving, v.Source, v.NameFrom)
	}
}

// count says "1 route" or "3 routes".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func odataSuffix(odataType string) string {
	if odataType == "" {
		return ""
	}
	return " (" + odataType + ")"
}

func servedCount(api *model.API) int {
	n := 0
	for _, op := range api.Operations {
		if op.HasServer() {
			n++
		}
	}
	return n
}
