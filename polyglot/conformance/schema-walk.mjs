// Walks a JSON payload and the bundle schema it must match, together (no validation: Ajv does that). Used to make the
// evolution corpus (corpus.mjs) and to tell declared from undeclared properties (report.mjs).

/** The schema a {$ref: '#/components/...'} points to (the bundles are self-contained: only local references). */
export function resolve(bundle, schema) {
  let seen = 0;
  while (schema && schema.$ref) {
    if (!schema.$ref.startsWith('#/') || ++seen > 50) throw new Error(`cannot resolve ${schema.$ref}`);
    schema = schema.$ref.slice(2).split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, part) => node?.[part], bundle);
  }
  return schema ?? {};
}

function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value; // string, boolean, object
}

function fits(bundle, schema, value) {
  const s = resolve(bundle, schema);
  if (s.allOf || s.oneOf || s.anyOf || !s.type) return true;
  const type = jsonType(value);
  return s.type === type || (s.type === 'number' && type === 'integer') || (type === 'null' && s.nullable === true);
}

/**
 * The schema as seen at one value: references resolved, allOf merged, the first oneOf/anyOf branch whose type fits the
 * value taken. Returns {properties, additionalProperties, items, values} where values are the listed values of an
 * enum or x-extensible-enum (undefined if none).
 */
export function view(bundle, schema, value) {
  const s = resolve(bundle, schema);
  const out = { properties: {}, additionalProperties: undefined, items: undefined, values: undefined, nullable: false };
  const merge = (part) => {
    const p = resolve(bundle, part);
    Object.assign(out.properties, p.properties ?? {});
    if (p.additionalProperties !== undefined) out.additionalProperties = p.additionalProperties;
    if (p.items) out.items = p.items;
    if (p.enum) out.values = p.enum;
    if (p['x-extensible-enum']) out.values = p['x-extensible-enum'];
    if (p.nullable) out.nullable = true;
    for (const sub of p.allOf ?? []) merge(sub);
    const branches = p.oneOf ?? p.anyOf;
    if (branches) {
      const branch = branches.find((b) => fits(bundle, b, value));
      if (branch) merge(branch);
    }
  };
  merge(s);
  return out;
}

/**
 * Every leaf of a payload (a scalar, null, an empty array or an empty object) as [path, value, declared], where path
 * is a JSON path ($.data[0].status) and declared says whether every property on the way is declared by the schema
 * (a property of `properties`, or a key of a map: `additionalProperties` without `properties`). A property an open
 * object (`properties` and `additionalProperties: true`) does not list is undeclared: allowed, but unknown.
 */
export function leaves(bundle, schema, value, path = '$', declared = true, out = []) {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push([path, value, declared]);
    const items = schema ? view(bundle, schema, value).items : undefined;
    value.forEach((item, i) => leaves(bundle, items, item, `${path}[${i}]`, declared, out));
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) out.push([path, value, declared]);
    const v = schema ? view(bundle, schema, value) : undefined;
    for (const key of keys) {
      const known = v?.properties[key];
      const map = v && v.additionalProperties !== undefined && v.additionalProperties !== false
        && Object.keys(v.properties).length === 0;
      const sub = known ?? (typeof v?.additionalProperties === 'object' ? v.additionalProperties : undefined);
      leaves(bundle, sub, value[key], childPath(path, key), declared && Boolean(known || map), out);
    }
  } else {
    out.push([path, value, declared]);
  }
  return out;
}

export function childPath(path, key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The value at a path made by leaves() (undefined if absent). */
export function at(root, path) {
  const steps = [...path.slice(1).matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)];
  let node = root;
  for (const [, name, index, quoted] of steps) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[name ?? (index !== undefined ? Number(index) : JSON.parse(quoted))];
  }
  return node;
}
