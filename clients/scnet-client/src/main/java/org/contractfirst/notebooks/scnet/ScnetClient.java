package org.contractfirst.notebooks.scnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ScnetClientBuilder;
import org.contractfirst.notebooks.runtime.state.StateMapping;
import org.contractfirst.notebooks.runtime.state.WaitOptions;
import org.contractfirst.notebooks.runtime.state.WaitResult;
import org.contractfirst.notebooks.runtime.state.Waiter;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi.GetInstanceServiceDetailRequest;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.scnet.invoker.JSON;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetailResponse;

import java.io.IOException;
import java.util.Objects;

/**
 * Hand-written entry point of the SCNet client. SCNet reports business errors as HTTP 200 with a code other
 * than "0"; this client turns them into {@link org.contractfirst.notebooks.runtime.ScnetApiException}, so a
 * returned body always has code "0". Thread-safe; build once, reuse.
 */
public final class ScnetClient {

    private final ContainerInstancesApi containerInstances;

    private ScnetClient(ContainerInstancesApi containerInstances) {
        this.containerInstances = containerInstances;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Container instances of the AI service: getInstanceServiceDetail. */
    public ContainerInstancesApi containerInstances() {
        return containerInstances;
    }

    /**
     * Waits until the container instance {@code detail} asks for reaches a state of {@code options}, a failure
     * state, or the timeout; see {@link Waiter} for the rules. Each poll sends {@code detail}; an answer without
     * {@code data} (or HTTP 404) is "not found". SCNet documents only {@code Waiting} and {@code Running}: map the
     * other words it sends with {@link WaitOptions#mapStatus}, e.g. {@code mapStatus("Failed", FAILED)}, or they
     * are UNKNOWN and waited through.
     *
     * @param detail e.g. {@code GetInstanceServiceDetailRequest.builder(instanceId).build()}
     * @throws IOException an error envelope or HTTP error that waiting would not cure ({@code ScnetApiException}),
     *                     or the connection failed
     */
    public WaitResult<InstanceServiceDetail> waitForInstanceService(GetInstanceServiceDetailRequest detail,
                                                                    WaitOptions options) throws IOException {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(options, "options");
        return Waiter.await(options, StateMapping.SCNET, () -> {
            try {
                InstanceServiceDetailResponse body = containerInstances.getInstanceServiceDetail(detail).execute().body();
                return body == null ? null : body.getData();
            } catch (ApiException e) {
                if (e.httpStatus() == 404) {
                    return null;
                }
                throw e;
            }
        }, InstanceServiceDetail::getStatus);
    }

    /** Builds a {@link ScnetClient}: host or base URL, token or token provider, options ({@link ScnetClientBuilder}). */
    public static final class Builder extends ScnetClientBuilder<Builder> {

        /** The generated mapper, shared by every client built without customizeMapper: Jackson builds its
         *  deserializers once per mapper, so a new client's first call costs no more than any other. */
        private static final ObjectMapper MAPPER = new JSON().getMapper();

        private Builder() {
        }

        public ScnetClient build() {
            return new ScnetClient(new ContainerInstancesApi(retrofit("SCNet", MAPPER)));
        }
    }
}
