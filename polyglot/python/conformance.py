"""Decodes every corpus payload with the stock `python` (pydantic v2) clients and re-serializes it.

For each item of <out>/corpus.json (polyglot/conformance/corpus.mjs): Model.from_json(text) of the item's service
client (target/clients/python/<service>), then model.to_dict() as JSON (what model.to_json()
writes, with secret fields revealed). Writes <out>/results/python.json:
[{id, ok, error, output}]; polyglot/conformance/report.mjs judges it. Run by polyglot/pom.xml with the venv's python:
  python conformance.py <out> <clients dir>
"""
import importlib
import json
import os
import sys
import traceback

from pydantic import SecretBytes, SecretStr
from pydantic_core import to_jsonable_python


def reveal(value):
    """to_dict() with each SecretStr/SecretBytes replaced by its value."""
    if isinstance(value, (SecretStr, SecretBytes)):
        return value.get_secret_value()
    if isinstance(value, dict):
        return {k: reveal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [reveal(v) for v in value]
    return value


def main(out, clients):
    with open(os.path.join(out, "corpus.json"), encoding="utf-8") as f:
        corpus = json.load(f)
    results = []
    for item in corpus["items"]:
        service = item["service"]
        root = os.path.join(clients, service)
        if root not in sys.path:
            sys.path.insert(0, root)
        result = {"id": item["id"], "ok": False}
        try:
            models = importlib.import_module(f"{service}_client.models")
            model = getattr(models, item["schema"], None)
            if model is None:
                raise LookupError(f"{service}_client.models has no class {item['schema']}")
            with open(item["file"], encoding="utf-8") as f:
                decoded = model.from_json(f.read())
            # to_json() without its masking of format: password fields ("**********"): the model holds the value.
            result["output"] = json.loads(json.dumps(to_jsonable_python(reveal(decoded.to_dict()))))
            result["ok"] = True
        except Exception as e:  # noqa: BLE001  (any decoder failure is a result, reported by report.mjs)
            result["error"] = f"{type(e).__name__}: {e}".strip()
            if not isinstance(e, (ValueError, LookupError)):
                result["error"] += "\n" + traceback.format_exc(limit=3)
        results.append(result)
    os.makedirs(os.path.join(out, "results"), exist_ok=True)
    with open(os.path.join(out, "results", "python.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    print(f"[conformance] python: {sum(r['ok'] for r in results)}/{len(results)} decoded")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
