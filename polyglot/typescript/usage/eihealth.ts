// Compile-only (tsc --noEmit, tsconfig.usage.json): what a TypeScript user writes against the stock typescript-fetch
// client of this service. If a spec change renames an operation, a parameter or a model property, this stops compiling.
import * as eihealth from '../../target/clients/typescript-fetch/eihealth';

export async function eihealthNotebooks(token: string): Promise<number[]> {
  const api = new eihealth.NotebooksApi(new eihealth.Configuration({ apiKey: () => token }));
  const list: eihealth.ListNotebooksResponse = await api.listNotebooks({ projectId: 'p', eihealthProjectId: 'e', limit: 10 });
  // cpu is sent as a number or as a decimal string (anyOf in the spec): Number() reads both.
  return (list.notebooks ?? []).map((n: eihealth.NotebookEntity) => Number(n.flavor?.cpu ?? 0));
}

/** Decoding a JSON answer without a request, as in a test or a cache. */
export function decodeEihealthExample(json: unknown): eihealth.ListNotebooksResponse {
  return eihealth.ListNotebooksResponseFromJSON(json);
}
