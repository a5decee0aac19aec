module github.com/docbind/docbind

go 1.24

require (
	github.com/dave/jennifer v1.7.1
	github.com/tidwall/gjson v1.20.2
	github.com/yuin/goldmark v1.8.7
)

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
)
