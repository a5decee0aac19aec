// Package par runs independent pieces of work on all CPUs: docbind parses
// pages, renders files and writes them this way.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do runs work(0), ..., work(n-1) on up to workers goroutines (all CPUs
// when workers <= 0) and returns when all are done. Each index runs once.
func Do(n, workers int, work func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				work(i)
			}
		}()
	}
	wg.Wait()
}
