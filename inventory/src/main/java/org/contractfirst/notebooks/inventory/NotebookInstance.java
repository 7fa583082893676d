package org.contractfirst.notebooks.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.contractfirst.notebooks.runtime.state.NotebookState;

import java.time.Instant;

/**
 * One notebook instance of any platform, normalized. Fields a platform does not give are null. Resources:
 * {@code cpuCores} and {@code gpuCount} as the platform counts them (EIHealth allows fractions), {@code memoryGiB}
 * in GiB (SCNet's MB divided by 1024, the old ModelArts "64GiB" read as 64). {@code raw} is the generated model
 * object as decoded (never written to JSON: ModelArts' model carries the instance's access token).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"platform", "source", "id", "name", "state", "rawStatus", "flavor", "cpuCores", "gpuCount",
        "gpuType", "memoryGiB", "image", "created", "updated", "url", "owner"})
public record NotebookInstance(
        Platform platform,
        String source,
        String id,
        String name,
        NotebookState state,
        String rawStatus,
        String flavor,
        Double cpuCores,
        Double gpuCount,
        String gpuType,
        Double memoryGiB,
        String image,
        Instant created,
        Instant updated,
        String url,
        String owner,
        @JsonIgnore Object raw) {

    @Override
    public String toString() {
        return "NotebookInstance[" + platform.id() + " " + id + " " + name + " " + state + " (" + rawStatus + ")]";
    }
}
