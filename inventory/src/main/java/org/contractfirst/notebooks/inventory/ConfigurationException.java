package org.contractfirst.notebooks.inventory;

/** A source that cannot be listed as configured (a missing variable, project or endpoint): error code CONFIGURATION. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
