// Compile-only (tsc --noEmit, tsconfig.usage.json): what a TypeScript user writes against the stock typescript-fetch
// client of this service. If a spec change renames an operation, a parameter or a model property, this stops compiling.
import * as scnet from '../../target/clients/typescript-fetch/scnet';

export async function scnetInstance(token: string): Promise<string | undefined> {
  const api = new scnet.ContainerInstancesApi(new scnet.Configuration({ basePath: 'https://ai.example', apiKey: () => token }));
  const detail: scnet.InstanceServiceDetailResponse = await api.getInstanceServiceDetail({ id: '4c1f43ddb030483e89b55413bee6c004' });
  return detail.code === '0' ? detail.data?.instanceServiceName : detail.msg;
}

/** Decoding a JSON answer without a request, as in a test or a cache. */
export function decodeScnetExample(json: unknown): scnet.InstanceServiceDetailResponse {
  return scnet.InstanceServiceDetailResponseFromJSON(json);
}
