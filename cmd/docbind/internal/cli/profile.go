package cli

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts -cpuprofile and returns what writes the profiles at
// the end of the run.
func startProfiles(opt *options) (func(), error) {
	stop := func() {}
	if opt.cpuprofile != "" {
		f, err := os.Create(opt.cpuprofile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
		stop = func() { pprof.StopCPUProfile(); f.Close() }
	}
	if opt.memprofile == "" {
		return stop, nil
	}
	return func() {
		stop()
		f, err := os.Create(opt.memprofile)
		if err != nil {
			return
		}
		defer f.Close()
		runtime.GC()
		_ = pprof.WriteHeapProfile(f)
	}, nil
}
