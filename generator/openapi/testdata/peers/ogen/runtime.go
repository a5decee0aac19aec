// Package peers pins ogen and the modules its output imports, at the
// versions docbind's interop tests run (generator/openapi/interop_test.go):
// the tool as a tool dependency, built from its own requirements as
// `go install` would; the runtime by these imports (ogen's default
// imports, gen/imports.go). The test copies this go.mod and go.sum into
// the module it compiles ogen's output in, so that build needs no
// checksum database. ogen v1.25.0 needs Go 1.26, hence this module's go
// line (docbind's own stays lower).
package peers

import (
	_ "github.com/go-faster/errors"
	_ "github.com/go-faster/jx"
	_ "github.com/google/uuid"
	_ "github.com/ogen-go/ogen/conv"
	_ "github.com/ogen-go/ogen/http"
	_ "github.com/ogen-go/ogen/json"
	_ "github.com/ogen-go/ogen/middleware"
	_ "github.com/ogen-go/ogen/ogenerrors"
	_ "github.com/ogen-go/ogen/ogenregex"
	_ "github.com/ogen-go/ogen/otelogen"
	_ "github.com/ogen-go/ogen/sse"
	_ "github.com/ogen-go/ogen/swaggerui"
	_ "github.com/ogen-go/ogen/uri"
	_ "github.com/ogen-go/ogen/validate"
	_ "github.com/shopspring/decimal"
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/attribute"
	_ "go.opentelemetry.io/otel/codes"
	_ "go.opentelemetry.io/otel/metric"
	_ "go.opentelemetry.io/otel/semconv/v1.39.0"
	_ "go.opentelemetry.io/otel/trace"
	_ "go.uber.org/multierr"
)
