// operation-error-responses: an operation documents its errors in one of two honest ways.
//
// 1. HTTP errors (Huawei Cloud services): at least one 4xx response, and every documented 4xx/5xx
//    response has a body schema and an example (`example` or non-empty `examples`).
// 2. Error envelope (SCNet answers HTTP 200 with a status code inside the body): a 2xx response marked
//    `x-error-envelope: {codeProperty: <name>, successCode: <value>}`, whose schema declares the
//    `codeProperty` property and whose named `examples` contain at least one error example (an example
//    whose `codeProperty` value is not `successCode`). Error examples are then selectable with Prism's
//    `Prefer: example=<name>`.
function examplesOf(media) {
  const list = [];
  if (media == null || typeof media !== 'object') return list;
  if (media.example !== undefined) list.push(['example', media.example]);
  if (media.examples != null && typeof media.examples === 'object') {
    for (const [name, ex] of Object.entries(media.examples)) {
      list.push([name, ex && typeof ex === 'object' && 'value' in ex ? ex.value : undefined]);
    }
  }
  return list;
}

function checkEnvelope(status, response, path) {
  const results = [];
  const marker = response['x-error-envelope'];
  const at = [...path, status, 'x-error-envelope'];
  if (marker == null || typeof marker !== 'object' || typeof marker.codeProperty !== 'string'
      || marker.successCode === undefined) {
    return [{ message: `Response ${status}: x-error-envelope must be an object with codeProperty and successCode.`, path: at }];
  }
  const content = response.content;
  if (content == null || Object.keys(content).length === 0) {
    return [{ message: `Response ${status} is an error envelope but has no content.`, path: [...path, status] }];
  }
  for (const [mediaType, media] of Object.entries(content)) {
    const props = media && media.schema && media.schema.properties;
    if (props == null || props[marker.codeProperty] === undefined) {
      results.push({
        message: `Response ${status} (${mediaType}): the schema does not declare the envelope code property "${marker.codeProperty}".`,
        path: [...path, status, 'content', mediaType],
      });
    }
    const named = media && media.examples && typeof media.examples === 'object' ? Object.entries(media.examples) : [];
    const errors = named.filter(([, ex]) => ex && ex.value && typeof ex.value === 'object'
      && ex.value[marker.codeProperty] !== undefined
      && String(ex.value[marker.codeProperty]) !== String(marker.successCode));
    if (errors.length === 0) {
      results.push({
        message: `Response ${status} (${mediaType}) is an error envelope but has no named error example `
          + `(an example whose "${marker.codeProperty}" is not "${marker.successCode}").`,
        path: [...path, status, 'content', mediaType],
      });
    }
  }
  return results;
}

export default function errorResponses(responses, _opts, context) {
  if (responses == null || typeof responses !== 'object') return [];
  const path = context.path;
  const statuses = Object.keys(responses);
  const envelopes = statuses.filter((s) => /^2/.test(s) && responses[s] && responses[s]['x-error-envelope'] !== undefined);
  if (envelopes.length > 0) {
    return envelopes.flatMap((s) => checkEnvelope(s, responses[s], path));
  }
  const results = [];
  const errorStatuses = statuses.filter((s) => /^[45](\d\d|XX)$/.test(s));
  if (!errorStatuses.some((s) => s.startsWith('4'))) {
    results.push({
      message: 'Operation documents no 4xx error response (or mark a 2xx error envelope with x-error-envelope).',
      path,
    });
  }
  for (const status of errorStatuses) {
    const content = responses[status] && responses[status].content;
    if (content == null || Object.keys(content).length === 0) {
      results.push({ message: `Error response ${status} has no body schema.`, path: [...path, status] });
      continue;
    }
    for (const [mediaType, media] of Object.entries(content)) {
      if (media == null || media.schema == null) {
        results.push({ message: `Error response ${status} (${mediaType}) has no schema.`, path: [...path, status, 'content', mediaType] });
      }
      if (examplesOf(media).length === 0) {
        results.push({ message: `Error response ${status} (${mediaType}) has no example.`, path: [...path, status, 'content', mediaType] });
      }
    }
  }
  return results;
}
