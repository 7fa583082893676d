package org.contractfirst.notebooks.examples;

import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;

/**
 * Lists the notebooks of an EIHealth project.
 *
 * <p>Real cloud: EIHEALTH_REGION (e.g. cn-north-4) or EIHEALTH_ENDPOINT, HUAWEICLOUD_PROJECT_ID,
 * EIHEALTH_PROJECT_ID, and HUAWEICLOUD_TOKEN or HUAWEICLOUD_AK + HUAWEICLOUD_SK. Otherwise: the Prism mock at MOCK_URL.
 */
public final class EihealthExample {

    public static void main(String[] args) throws Exception {
        String region = Env.get("EIHEALTH_REGION");
        String endpoint = Env.get("EIHEALTH_ENDPOINT", region == null ? null : EihealthClient.regionUrl(region));
        boolean real = endpoint != null;
        String projectId = real ? Env.require("HUAWEICLOUD_PROJECT_ID", "the Huawei Cloud project") : "mock-project";
        String eihealthProject = real ? Env.require("EIHEALTH_PROJECT_ID", "the EIHealth platform project") : "mock-eihealth-project";

        EihealthClient.Builder builder = EihealthClient.builder().baseUrl(real ? endpoint : Env.mockUrl());
        AkSkCredentials akSk = real ? Env.huaweiAkSk(projectId) : null;
        EihealthClient eihealth = akSk != null ? builder.akSk(akSk).build()
                : builder.token(real ? Env.require("HUAWEICLOUD_TOKEN", "or set HUAWEICLOUD_AK/SK") : "mock-token").build();
        System.out.println("EIHealth at " + (real ? endpoint : "the Prism mock") + ", project " + eihealthProject);

        try {
            var page = eihealth.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder(projectId, eihealthProject).limit(100).offset(0).build()).execute().body();
            System.out.println("listNotebooks: " + page.getCount() + " notebook(s)");
            eihealth.allNotebooks(NotebooksApi.ListNotebooksRequest.builder(projectId, eihealthProject).limit(100).build()).forEach(n -> System.out.println("  " + n.getId()
                    + "  " + n.getName() + "  " + n.getStatus() + "  cpu=" + (n.getFlavor() == null ? "?" : n.getFlavor().getCpu())));
        } catch (ApiException e) {
            System.err.println("EIHealth call failed: HTTP " + e.httpStatus() + " " + e.errorCode() + " " + e.errorMessage()
                    + " (request id " + e.requestId() + ")");
            System.exit(1);
        }
    }
}
