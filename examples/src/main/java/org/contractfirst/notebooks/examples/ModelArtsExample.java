package org.contractfirst.notebooks.examples;

import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;

/**
 * Lists notebook instances (new and old DevEnviron) and opens the CodeLab instance.
 *
 * <p>Real cloud: MODELARTS_REGION (e.g. cn-north-4) or MODELARTS_ENDPOINT, HUAWEICLOUD_PROJECT_ID, and
 * HUAWEICLOUD_TOKEN or HUAWEICLOUD_AK + HUAWEICLOUD_SK. Opening CodeLab on the real cloud also needs
 * MODELARTS_OPEN_CODELAB=yes, since it starts an instance. Otherwise: the Prism mock at MOCK_URL.
 */
public final class ModelArtsExample {

    public static void main(String[] args) throws Exception {
        String region = Env.get("MODELARTS_REGION");
        String endpoint = Env.get("MODELARTS_ENDPOINT", region == null ? null : ModelArtsClient.regionUrl(region));
        boolean real = endpoint != null;
        String projectId = real ? Env.require("HUAWEICLOUD_PROJECT_ID", "the project to list") : "mock-project";

        ModelArtsClient.Builder builder = ModelArtsClient.builder().baseUrl(real ? endpoint : Env.mockUrl());
        AkSkCredentials akSk = real ? Env.huaweiAkSk(projectId) : null;
        ModelArtsClient modelarts = akSk != null ? builder.akSk(akSk).build()
                : builder.token(real ? Env.require("HUAWEICLOUD_TOKEN", "or set HUAWEICLOUD_AK/SK") : "mock-token").build();
        System.out.println("ModelArts at " + (real ? endpoint : "the Prism mock") + ", project " + projectId);

        try {
            ListNotebooksResponse page = modelarts.devEnviron()
                    .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(projectId).limit(10).offset(0).build()).execute().body();
            System.out.println("listNotebooks: " + page.getTotal() + " instance(s)");
            modelarts.allNotebooks(DevEnvironApi.ListNotebooksRequest.builder(projectId).limit(50).build()).limit(20)
                    .forEach(n -> System.out.println("  " + n.getId() + "  " + n.getName() + "  " + n.getStatus()));

            DeInstanceList old = modelarts.devEnvironOldVersion()
                    .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder(projectId).deType("Notebook").offset(0).limit(10).build()).execute().body();
            System.out.println("listDevEnvInstances: " + old.getTotalCount() + " instance(s)");
            old.getInstances().forEach(i -> System.out.println("  " + i.getId() + "  " + i.getName() + "  " + i.getStatus()));

            if (!real || "yes".equals(Env.get("MODELARTS_OPEN_CODELAB"))) {
                NotebookResp codelab = modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder(projectId).body(new OpenCodeLabBody()).build()).execute().body();
                System.out.println("openCodeLab: " + codelab.getId() + " " + codelab.getStatus() + " (lease until "
                        + (codelab.getLease() == null ? "?" : codelab.getLease().getCreateAt() + codelab.getLease().getDuration()) + ")");
            } else {
                System.out.println("openCodeLab: skipped on the real cloud (set MODELARTS_OPEN_CODELAB=yes to open one)");
            }
        } catch (ApiException e) {
            System.err.println("ModelArts call failed: HTTP " + e.httpStatus() + " " + e.errorCode() + " " + e.errorMessage()
                    + " (request id " + e.requestId() + ")");
            System.exit(1);
        }
    }
}
