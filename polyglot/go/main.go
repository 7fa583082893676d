// Decodes every corpus payload with the stock go clients: json.Unmarshal into the model of the item's schema, then
// json.Marshal. Reads <out>/corpus.json (polyglot/conformance/corpus.mjs), writes <out>/results/go.json
// [{id, ok, error, output}], judged by polyglot/conformance/report.mjs. Run by polyglot/pom.xml:
//   go run . <out>
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"example.com/conformance/registry"
)

type item struct {
	ID      string `json:"id"`
	Service string `json:"service"`
	Schema  string `json:"schema"`
	File    string `json:"file"`
}

type result struct {
	ID     string          `json:"id"`
	OK     bool            `json:"ok"`
	Error  string          `json:"error,omitempty"`
	Output json.RawMessage `json:"output,omitempty"`
}

func decode(it item) (json.RawMessage, error) {
	model := registry.New(it.Service, it.Schema)
	if model == nil {
		return nil, fmt.Errorf("the %s client has no model type for schema %s", it.Service, it.Schema)
	}
	data, err := os.ReadFile(it.File)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, model); err != nil {
		return nil, err
	}
	return json.Marshal(model)
}

func main() {
	out := os.Args[1]
	data, err := os.ReadFile(filepath.Join(out, "corpus.json"))
	if err != nil {
		panic(err)
	}
	var corpus struct {
		Items []item `json:"items"`
	}
	if err := json.Unmarshal(data, &corpus); err != nil {
		panic(err)
	}
	results := make([]result, 0, len(corpus.Items))
	decoded := 0
	for _, it := range corpus.Items {
		output, err := decode(it)
		r := result{ID: it.ID, OK: err == nil, Output: output}
		if err != nil {
			r.Error = err.Error()
		} else {
			decoded++
		}
		results = append(results, r)
	}
	encoded, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		panic(err)
	}
	if err := os.MkdirAll(filepath.Join(out, "results"), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(filepath.Join(out, "results", "go.json"), encoded, 0o644); err != nil {
		panic(err)
	}
	fmt.Printf("[conformance] go: %d/%d decoded\n", decoded, len(results))
}
