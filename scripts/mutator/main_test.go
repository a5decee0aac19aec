package main

import (
	"fmt"
	"slices"
	"testing"
)

const sample1 = "package api\n" +
	"// Name is the \"name\" member: json:\"name\" in a comment is no site.\n" +
	"type T struct {\n" +
	"\tName string `json:\"name,omitzero\"`\n" +
	"\tRest string `json:\"-\"`\n" +
	"}\n" +
	"func (c *Client) Get(ctx context.Context, id string, o *Options) error {\n" +
	"\treq, err := c.newRequest(ctx, \"POST\", \"/drives/\"+escapeSegment(id)+\"/root/versions\", nil)\n" +
	"\tv.Set(\"$select\", o.Select)\n" +
	"\tif err := setHeader(req, \"If-Match\", o.IfMatch); err != nil {\n" +
	"\treq.Header.Set(\"Accept\", \"application/json\")\n" +
	"\trep := replyTo(w, r, 201)\n" +
	"\t{pattern: \"GET /drives/{driveID}/items\", op: \"List\", serve: (*handler).serveList},\n" +
	"\treturn c.sendGet(ctx, h.prefix+\"/\", o)\n" +
	"}\n"

func TestFileSites(t *testing.T) {
	var got []string
	for _, s := range fileSites("a_gen.go", []byte(sample1)) {
		got = append(got, fmt.Sprintf("%d %s %s", s.line, s.kind, s.old))
	}
	want := []string{
		"4 json name",
		"8 method POST",
		"8 path /drives/",
		"8 path /root/versions",
		"9 query $select",
		"10 header If-Match",
		"11 header Accept",
		"12 status 201",
		"13 method GET",
		"13 path /drives/{driveID}/items",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sites:\n%q\nwant\n%q", got, want)
	}
}

func TestSampleIsDeterministic(t *testing.T) {
	sites := fileSites("a_gen.go", []byte(sample1))
	show := func(ms []*mutant) []string {
		var s []string
		for _, m := range ms {
			if m.new == m.old {
				t.Errorf("%s changes nothing", m)
			}
			s = append(s, m.String())
		}
		return s
	}
	a, b := show(sample(sites, 6, 1)), show(sample(sites, 6, 1))
	if !slices.Equal(a, b) {
		t.Errorf("seed 1 gave\n%q\nthen\n%q", a, b)
	}
	if all := show(sample(sites, 100, 7)); len(all) != len(sites) {
		t.Errorf("100 of %d sites: got %d mutants", len(sites), len(all))
	}
}
