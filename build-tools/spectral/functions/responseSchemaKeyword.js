// response-enum-extensible, no-default-in-response, no-additional-properties-false-in-response: a keyword
// response schemas must not use anywhere (properties, items, compositions); with option `value`, only that value
// of it. `additionalProperties: false`: a client generated or validating with it breaks as soon as the vendor adds
// a field, which vendors do without notice. `enum`: a closed response enum makes stock clients (Python pydantic,
// Go) reject a value the spec does not list yet; response enums are `x-extensible-enum` (issue 16, ledger
// row 25). `default`: generators turn it into a field initializer, so an absent field would read as the
// default; a documented default goes into the description (ledger row 54). With option `onProperties`, the reverse
// (response-object-open): every schema with `properties` must have the keyword (`additionalProperties: false` is the
// rule above's). `additionalProperties: true` says what OpenAPI 3.0 implies (a response may carry fields not listed),
// and the stock typescript-fetch client keeps unknown properties only when a schema declares it (ledger row 61).
// Options: {keyword, message, value?, onProperties?}.
const CHILD_MAPS = ['properties', 'patternProperties'];
const CHILD_SCHEMAS = ['items', 'not', 'additionalProperties'];
const CHILD_LISTS = ['allOf', 'anyOf', 'oneOf'];

export default function responseSchemaKeyword(schema, opts, context) {
  const results = [];
  const seen = new Set();
  const walk = (node, path) => {
    if (node == null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (opts.onProperties) {
      if (node.properties && typeof node.properties === 'object'
          && !Object.prototype.hasOwnProperty.call(node, opts.keyword)) {
        results.push({ message: opts.message, path: [...path, 'properties'] });
      }
    } else if (Object.prototype.hasOwnProperty.call(node, opts.keyword)
        && (!('value' in opts) || node[opts.keyword] === opts.value)) {
      results.push({ message: opts.message, path: [...path, opts.keyword] });
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
