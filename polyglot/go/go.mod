// The Go conformance harness (main.go). Its only requirements are the stock go clients the build generates into
// polyglot/target/clients/go/<service> and the registry of their models (polyglot/conformance/go-registry.mjs),
// replaced by those local folders: no module is downloaded, so go.sum stays empty.
module example.com/conformance/harness

go 1.23

require example.com/conformance/registry v0.0.0

require (
	example.com/conformance/eihealth v0.0.0 // indirect
	example.com/conformance/modelarts v0.0.0 // indirect
	example.com/conformance/scnet v0.0.0 // indirect
)

replace (
	example.com/conformance/eihealth => ../target/clients/go/eihealth
	example.com/conformance/modelarts => ../target/clients/go/modelarts
	example.com/conformance/registry => ../target/clients/go/registry
	example.com/conformance/scnet => ../target/clients/go/scnet
)
