package org.contractfirst.notebooks.consumer;

import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import java.util.List;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.scnet.ScnetClient;

/**
 * Calls one operation of each published client against Prism mocks of the deployed spec bundles and checks the
 * documented example values. Mock base URLs: system properties modelarts.url, eihealth.url, scnet.url.
 * Fails (an AssertionError naming the mismatch) when an answer is not the documented one.
 *
 * <p>Written against the request-object API (1.0.0); the only client calls of this project are here.
 */
public final class ConsumerCheck {

    public static void main(String[] args) throws Exception {
        // The runtime's OpenTelemetry API dependency is optional: a consumer that does not add it has none, and the
        // clients (telemetry off) work without it.
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry");
            throw new AssertionError("consumer: io.opentelemetry.api.OpenTelemetry is on the classpath (the runtime's dependency should be optional)");
        } catch (ClassNotFoundException expected) {
            System.out.println("consumer: no OpenTelemetry on the classpath");
        }
        ModelArtsClient modelarts = ModelArtsClient.builder().baseUrl(url("modelarts")).token("consumer-token").build();
        EihealthClient eihealth = EihealthClient.builder().baseUrl(url("eihealth")).token("consumer-token").build();
        ScnetClient scnet = ScnetClient.builder().baseUrl(url("scnet")).token("consumer-token").build();

        var notebooks = modelarts.devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("consumer-project").limit(10).offset(0).build())
                .execute().body().getData();
        check("modelarts listNotebooks data[0].id", notebooks.get(0).getId(), "f9937afa-ca78-45b6-bc12-7ecf42553c48");

        var instances = modelarts.devEnvironOldVersion()
                .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("consumer-project").deType("Notebook").offset(0).limit(10).build())
                .execute().body().getInstances();
        check("modelarts listDevEnvInstances instances[0].id", instances.get(0).getId(), "DE-7d558ef8-c73d-11ea-964c-0255ac100033");

        var eihealthNotebooks = eihealth.notebooks()
                .listNotebooks(NotebooksApi.ListNotebooksRequest.builder("consumer-project", "consumer-eihealth-project").limit(10).offset(0).build())
                .execute().body().getNotebooks();
        check("eihealth listNotebooks notebooks[0].id", eihealthNotebooks.get(0).getId(), "DE-7d558ef8-c73d-11ea-964c-0255ac100033");

        var detail = scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder("4c1f43ddb030483e89b55413bee6c004").build())
                .execute().body().getData();
        check("scnet getInstanceServiceDetail data.instanceServiceName", detail.getInstanceServiceName(), "Instances_2205113837");

        System.out.println("consumer: " + List.of("modelarts", "eihealth", "scnet") + " clients from the published repository: OK");
    }

    private static String url(String service) {
        String url = System.getProperty(service + ".url");
        if (url == null) {
            throw new IllegalStateException("system property " + service + ".url (the mock's base URL) is not set");
        }
        return url;
    }

    private static void check(String what, Object actual, Object expected) {
        if (!expected.equals(actual)) {
            throw new AssertionError("consumer: " + what + " is " + actual + ", expected " + expected);
        }
        System.out.println("consumer: " + what + " = " + actual);
    }
}
