// Compile-only (tsc --noEmit): what a TypeScript user writes against each generated typescript-fetch client.
// If a spec change renames an operation, a parameter or a model property, this stops compiling.
import * as modelarts from '../target/clients/typescript-fetch/modelarts';
import * as eihealth from '../target/clients/typescript-fetch/eihealth';
import * as scnet from '../target/clients/typescript-fetch/scnet';

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

export async function eihealthNotebooks(token: string): Promise<number[]> {
  const api = new eihealth.NotebooksApi(new eihealth.Configuration({ apiKey: () => token }));
  const list: eihealth.ListNotebooksResponse = await api.listNotebooks({ projectId: 'p', eihealthProjectId: 'e', limit: 10 });
  // cpu is sent as a number or as a decimal string (anyOf in the spec): Number() reads both.
  return (list.notebooks ?? []).map((n: eihealth.NotebookEntity) => Number(n.flavor?.cpu ?? 0));
}

export async function scnetInstance(token: string): Promise<string | undefined> {
  const api = new scnet.ContainerInstancesApi(new scnet.Configuration({ basePath: 'https://ai.example', apiKey: () => token }));
  const detail: scnet.InstanceServiceDetailResponse = await api.getInstanceServiceDetail({ id: '4c1f43ddb030483e89b55413bee6c004' });
  return detail.code === '0' ? detail.data?.instanceServiceName : detail.msg;
}

/** Decoding a JSON answer without a request, as in a test or a cache. */
export function decodeExamples(modelartsJson: unknown, eihealthJson: unknown, scnetJson: unknown): unknown[] {
  return [
    modelarts.ListNotebooksResponseFromJSON(modelartsJson),
    eihealth.ListNotebooksResponseFromJSON(eihealthJson),
    scnet.InstanceServiceDetailResponseFromJSON(scnetJson),
  ];
}
