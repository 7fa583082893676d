package org.contractfirst.notebooks.examples;

import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;

/**
 * Shows one container instance of the SCNet AC platform.
 *
 * <p>Real platform: SCNET_ENDPOINT (https://host:port of the AI service), SCNET_TOKEN and SCNET_INSTANCE_ID.
 * Otherwise: the Prism mock at MOCK_URL.
 */
public final class ScnetExample {

    public static void main(String[] args) throws Exception {
        String endpoint = Env.get("SCNET_ENDPOINT");
        boolean real = endpoint != null;
        String instanceId = Env.get("SCNET_INSTANCE_ID", "4c1f43ddb030483e89b55413bee6c004");

        ScnetClient scnet = ScnetClient.builder()
                .baseUrl(real ? endpoint : Env.mockUrl())
                .token(real ? Env.require("SCNET_TOKEN", "the API token") : "mock-token")
                .build();
        System.out.println("SCNet at " + (real ? endpoint : "the Prism mock") + ", instance " + instanceId);

        try {
            InstanceServiceDetail d = scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(instanceId).build()).execute().body().getData();
            System.out.println("getInstanceServiceDetail: " + d.getInstanceServiceName() + "  " + d.getStatus()
                    + "  " + d.getResourceSpec() + "  image " + d.getVersion());
        } catch (ScnetApiException e) {
            System.err.println("SCNet call failed: code " + e.errorCode() + " " + e.errorMessage() + " (" + e.codeMeaning() + ")");
            System.exit(1);
        }
    }
}
