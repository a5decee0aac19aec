package openapi

import (
	"path/filepath"
	"testing"
)

// BenchmarkBuildGraph times building and encoding the Graph corpus's
// document from its model, which is what -openapi adds to a run.
func BenchmarkBuildGraph(b *testing.B) {
	dir := filepath.Join("../../..", "shared", "corpus", "graph-v1.0")
	if !isDir(dir) {
		b.Skip(dir, " is absent")
	}
	api := buildDocs(b, dir, "graph-v1.0")
	var size int
	for b.Loop() {
		data, err := Marshal(Build(api, Settings{}))
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}
