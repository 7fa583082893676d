package org.contractfirst.notebooks.contract.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test class against a Prism mock of one spec (path relative to specs/). Each spec's
 * Prism starts once per test run (all the run needs at once, PrismMocksListener), on a loopback port the system
 * picks, with {@code --errors}, and is stopped when the
 * run ends. Test methods receive it as a {@link PrismServer} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PrismExtension.class)
public @interface PrismMock {
    /** The spec, relative to specs/. */
    String value();

    /**
     * Dynamic mode ({@code --dynamic --seed contract-tests}): responses are generated from the schemas by
     * json-schema-faker instead of taken from the examples; {@code Prefer: seed=...} picks a reproducible one.
     */
    boolean dynamic() default false;
}
