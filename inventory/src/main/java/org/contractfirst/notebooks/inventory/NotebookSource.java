package org.contractfirst.notebooks.inventory;

import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetailResponse;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One place to list notebooks from: a platform, a name (shown in the output), its own deadline (the whole
 * listing of this source, every page, must finish within it) and what it fetches.
 */
public record NotebookSource(Platform platform, String name, Duration deadline, Fetcher fetcher) {

    public NotebookSource {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(fetcher, "fetcher");
    }

    /** Receives the instances of one source; {@link #error} records a failure that does not end the source (SCNet: one instance). */
    public interface Sink {
        void instance(NotebookInstance instance);

        void error(SourceError error);
    }

    /** Lists everything; any exception it throws becomes the source's error entry. */
    @FunctionalInterface
    public interface Fetcher {
        void fetch(Sink sink) throws Exception;
    }

    /** Every notebook of a project, ModelArts DevEnviron new version, every page. */
    public static NotebookSource modelArts(String name, ModelArtsClient client, String projectId, Duration deadline) {
        DevEnvironApi.ListNotebooksRequest request = DevEnvironApi.ListNotebooksRequest.builder(projectId).build();
        return new NotebookSource(Platform.MODELARTS, name, deadline, sink -> client.allNotebooks(request)
                .forEach(n -> sink.instance(Normalize.modelArts(name, n))));
    }

    /** Every development environment instance of a project, ModelArts DevEnviron old version, every page. */
    public static NotebookSource modelArtsOld(String name, ModelArtsClient client, String projectId, Duration deadline) {
        DevEnvironOldVersionApi.ListDevEnvInstancesRequest request =
                DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder(projectId).build();
        return new NotebookSource(Platform.MODELARTS_OLD, name, deadline, sink -> client.allDevEnvInstances(request)
                .forEach(d -> sink.instance(Normalize.modelArtsOld(name, d))));
    }

    /** Every notebook of an EIHealth project, every page. */
    public static NotebookSource eihealth(String name, EihealthClient client, String projectId,
                                          String eihealthProjectId, Duration deadline) {
        NotebooksApi.ListNotebooksRequest request =
                NotebooksApi.ListNotebooksRequest.builder(projectId, eihealthProjectId).build();
        return new NotebookSource(Platform.EIHEALTH, name, deadline, sink -> client.allNotebooks(request)
                .forEach(e -> sink.instance(Normalize.eihealth(name, e))));
    }

    /**
     * The watched SCNet instances, by ID (SCNet documents detail by ID, no list): one call each, one after the
     * other; an instance that fails is an error entry of its own and the others are still listed.
     */
    public static NotebookSource scnet(String name, ScnetClient client, List<String> instanceIds, ZoneId zone,
                                       Duration deadline) {
        List<String> ids = List.copyOf(instanceIds);
        return new NotebookSource(Platform.SCNET, name, deadline, sink -> {
            for (String id : ids) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("deadline");
                }
                try {
                    InstanceServiceDetailResponse body = client.containerInstances().getInstanceServiceDetail(
                            ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(id).build()).execute().body();
                    InstanceServiceDetail data = body == null ? null : body.getData();
                    if (data == null) {
                        sink.error(new SourceError(Platform.SCNET, name, id, 200, "NO_DATA",
                                "the answer has no data", null));
                    } else {
                        sink.instance(Normalize.scnet(name, data, zone));
                    }
                } catch (java.io.InterruptedIOException e) {
                    throw e;
                } catch (Exception e) {
                    sink.error(Inventory.errorOf(Platform.SCNET, name, id, e));
                }
            }
        });
    }
}
