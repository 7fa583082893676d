// The Go conformance harness (main.go). It is built in the workspace target/clients/go/go.work that
// polyglot/conformance/go-registry.mjs writes from services.yaml: the harness, the registry of the models and the stock
// go clients the build generates (target/clients/go/<service>), all local, so no module is downloaded. Run it with
// GOWORK=../target/clients/go/go.work (polyglot/pom.xml does).
module example.com/conformance/harness

go 1.23
