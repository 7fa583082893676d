package org.contractfirst.notebooks.contract.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The verbatim seed-page examples under src/test/resources/seed-examples. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String seedExample(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/seed-examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture seed-examples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
