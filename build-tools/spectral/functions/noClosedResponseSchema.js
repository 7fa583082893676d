// no-additional-properties-false-in-response: response schemas must stay open. A client generated
// or validating with `additionalProperties: false` breaks as soon as the vendor adds a field, which
// vendors do without notice. Walks the whole (resolved) schema: properties, items, compositions.
const CHILD_MAPS = ['properties', 'patternProperties'];
const CHILD_SCHEMAS = ['items', 'not', 'additionalProperties'];
const CHILD_LISTS = ['allOf', 'anyOf', 'oneOf'];

export default function noClosedResponseSchema(schema, _opts, context) {
  const results = [];
  const seen = new Set();
  const walk = (node, path) => {
    if (node == null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node.additionalProperties === false) {
      results.push({
        message: 'Response schema sets "additionalProperties: false"; responses must accept unknown fields.',
        path: [...path, 'additionalProperties'],
      });
    }
    for (const key of CHILD_MAPS) {
      if (node[key] && typeof node[key] === 'object') {
        for (const [name, child] of Object.entries(node[key])) walk(child, [...path, key, name]);
      }
    }
    for (const key of CHILD_SCHEMAS) {
      if (node[key] && typeof node[key] === 'object') walk(node[key], [...path, key]);
    }
    for (const key of CHILD_LISTS) {
      if (Array.isArray(node[key])) node[key].forEach((child, i) => walk(child, [...path, key, i]));
    }
  };
  walk(schema, context.path);
  return results;
}
