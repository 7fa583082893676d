package org.contractfirst.notebooks.examples;

import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.ListNotebooksRequest;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;

import java.io.IOException;

/** The README's Java snippet (quoted there verbatim, checked by ReadmeSnippetTest; run by examples/run.sh quickstart). */
public final class QuickStart {

    public static void main(String[] args) throws IOException {
        String projectId = System.getenv("HUAWEICLOUD_PROJECT_ID");
        ModelArtsClient modelarts = ModelArtsClient.builder()
                .baseUrl(System.getenv("MODELARTS_ENDPOINT"))   // or .region("cn-north-4")
                .token(System.getenv("HUAWEICLOUD_TOKEN"))      // X-Auth-Token; or .akSk(AkSkCredentials.of(ak, sk))
                .build();                                       // thread-safe: build once, reuse

        ListNotebooksRequest running = ListNotebooksRequest.builder(projectId)   // required parameters here,
                .status(NotebookStatus.RUNNING)                                 // optional ones by name
                .limit(10)
                .build();
        ListNotebooksResponse page = modelarts.devEnviron().listNotebooks(running)
                .execute().body();                        // or .enqueue(callback); non-2xx throws ApiException
        System.out.println(page.getTotal() + " running notebook(s)");

        modelarts.allNotebooks(running)                   // every page, lazily, with the same filters
                .forEach(n -> System.out.println(n.getId() + " " + n.getName() + " " + n.getStatus()));
    }
}
