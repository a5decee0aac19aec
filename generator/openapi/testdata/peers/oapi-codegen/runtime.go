// Package peers pins oapi-codegen and the runtime its output imports, at
// the versions docbind's interop tests run (generator/openapi/interop_test.go):
// the tool as a tool dependency, built from its own requirements as
// `go install` would; the runtime by these imports. The test copies this
// go.mod and go.sum into the module it compiles oapi-codegen's output in,
// so that build needs no checksum database.
package peers

import (
	_ "github.com/oapi-codegen/runtime"
	_ "github.com/oapi-codegen/runtime/types"
)
