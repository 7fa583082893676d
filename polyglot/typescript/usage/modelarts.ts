// Compile-only (tsc --noEmit, tsconfig.usage.json): what a TypeScript user writes against the stock typescript-fetch
// client of this service. If a spec change renames an operation, a parameter or a model property, this stops compiling.
import * as modelarts from '../../target/clients/typescript-fetch/modelarts';

export async function modelartsNotebooks(token: string): Promise<string[]> {
  const config = new modelarts.Configuration({
    basePath: 'https://modelarts.cn-north-4.myhuaweicloud.com',
    apiKey: () => token, // X-Auth-Token
  });
  const devEnviron = new modelarts.DevEnvironApi(config);
  const page: modelarts.ListNotebooksResponse = await devEnviron.listNotebooks({
    projectId: 'project', limit: 10, status: modelarts.NotebookStatusFilter.Running, workspaceId: '0',
  });
  const opened: modelarts.NotebookResp = await devEnviron.openCodeLab({
    projectId: 'project', openCodeLabRequest: { imageId: 'e1a07296-22a8-4f05-8bc8-e936c8e54090' },
  });
  const old: modelarts.DeInstanceList = await new modelarts.DevEnvironOldVersionApi(config)
    .listDevEnvInstances({ projectId: 'project', showSelf: true });
  const leaseStart: number | undefined = opened.lease?.createAt;
  return [
    ...(page.data ?? []).map((n: modelarts.NotebookResp) => `${n.name} ${n.status} ${leaseStart}`),
    ...(old.instances ?? []).map((i: modelarts.DeInstance) => `${i.name} ${i.status}`),
  ];
}

/** Decoding a JSON answer without a request, as in a test or a cache. */
export function decodeModelartsExample(json: unknown): modelarts.ListNotebooksResponse {
  return modelarts.ListNotebooksResponseFromJSON(json);
}
