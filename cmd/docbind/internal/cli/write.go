package cli

import (
	"bytes"
	"time"

	"github.com/docbind/docbind/generator"
	"github.com/docbind/docbind/generator/openapi"
	"github.com/docbind/docbind/generator/writeout"
)

// lockWait bounds how long a run waits while another run writes the same
// folder: far longer than any real run takes, short enough that a stuck
// lock is reported rather than waited on forever.
var lockWait = time.Minute

// writeOutput brings the output folder up to date, with the OpenAPI
// document, all or nothing. It holds the folder's lock from planning to
// saving the cache, so concurrent runs take turns: each plans against
// what the previous one finished writing, and the cache records the files
// this run wrote.
func (r *run) writeOutput(in inputs, res *generator.Result) int {
	unlock, err := writeout.Lock(r.opt.out, lockWait)
	if err != nil {
		return r.fail(err)
	}
	defer unlock()
	changes, err := writeout.Plan(r.opt.out, res.Files)
	if err != nil {
		return r.fail(err)
	}
	doc, old, err := r.openAPIDocument(res)
	if err != nil {
		// Before writing anything: the document's file may not be ours.
		return r.fail(err)
	}
	var docs []writeout.Document
	if doc != nil && !bytes.Equal(old, doc) {
		docs = append(docs, writeout.Document{Path: r.opt.openapi, Old: old, New: doc})
	}
	r.written, err = writeout.Apply(r.opt.out, changes, docs...)
	if err != nil {
		return r.fail(err)
	}
	saveCache(r.opt, in, res, doc)
	return r.finish(ExitOK)
}

// openAPIDocument is the OpenAPI description of the run's model when
// -openapi asks for one, else nil, and the document on disk (nil when
// there is none). A file there that docbind did not write is an error.
func (r *run) openAPIDocument(res *generator.Result) (doc, old []byte, err error) {
	if r.opt.openapi == "" {
		return nil, nil, nil
	}
	if doc, err = openapi.Marshal(openapi.Build(res.API, r.opt.openAPISettings())); err != nil {
		return nil, nil, err
	}
	old, err = writeout.ReadDocument(r.opt.openapi, []byte(openapi.Marker))
	return doc, old, err
}

// checkOutput reports what -check finds stale. It takes no lock: it writes
// nothing, so it must work in a read-only checkout, and each file it reads
// is whole, since writers rename files into place. A run writing meanwhile
// only makes the report reflect the folder of that moment.
func (r *run) checkOutput(res *generator.Result) int {
	changes, err := writeout.Plan(r.opt.out, res.Files)
	if err != nil {
		return r.fail(err)
	}
	doc, old, err := r.openAPIDocument(res)
	if err != nil {
		return r.fail(err)
	}
	var stale []staleDocument
	if doc != nil && !bytes.Equal(old, doc) {
		stale = append(stale, staleDocument{r.opt.openapi, old, doc})
	}
	return r.finish(r.reportStale(changes, stale))
}

// staleDocument is a document beside the package that -check finds stale.
type staleDocument struct {
	path     string
	old, new []byte
}
