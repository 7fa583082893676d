package org.contractfirst.notebooks.inventory;

import java.util.Locale;

/** The four notebook APIs; {@link #id()} is the name used on the command line, in the config file and in JSON. */
public enum Platform {
    /** ModelArts DevEnviron, new version: GET /v1/{project_id}/notebooks. */
    MODELARTS("modelarts"),
    /** ModelArts DevEnviron, old version: GET /v1/{project_id}/demanager/instances. */
    MODELARTS_OLD("modelarts-old"),
    /** EIHealth: GET /v1/{project_id}/eihealth-projects/{eihealth_project_id}/notebooks. */
    EIHEALTH("eihealth"),
    /** SCNet AC platform: GET /ai/openapi/v2/instance-service/{id}/detail, one call per watched instance. */
    SCNET("scnet");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The platform named {@code id} (case-insensitive; {@code modelarts_old} is accepted too). */
    public static Platform fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Platform p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "' (modelarts, modelarts-old, eihealth, scnet)");
    }
}
