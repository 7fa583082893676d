// operation-success-example: an operation documents at least one 2xx response, and every 2xx
// response with a body shows it with an `example` or non-empty `examples` in each media type
// (other teams mock and test against these examples). A 2xx without content (e.g. 204) passes.
function hasExample(media) {
  if (media == null || typeof media !== 'object') return false;
  if (media.example !== undefined) return true;
  return media.examples != null && typeof media.examples === 'object' && Object.keys(media.examples).length > 0;
}

export default function successExample(responses, _opts, context) {
  if (responses == null || typeof responses !== 'object') {
    return [{ message: 'Operation has no responses.' }];
  }
  const success = Object.keys(responses).filter((status) => /^2(\d\d|XX)$/.test(status));
  if (success.length === 0) {
    return [{ message: 'Operation has no 2xx response.' }];
  }
  const results = [];
  for (const status of success) {
    const content = responses[status] && responses[status].content;
    if (content == null || typeof content !== 'object') continue;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!hasExample(media)) {
        results.push({
          message: `Response ${status} (${mediaType}) has no example.`,
          path: [...context.path, status, 'content', mediaType],
        });
      }
    }
  }
  return results;
}
