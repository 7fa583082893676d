package org.contractfirst.notebooks.contract;

import org.contractfirst.notebooks.contract.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the fixtures are the pages' own examples, not tidied copies: each fixture, with whitespace
 * removed, occurs in its seed page with markup and whitespace removed. The pages are kept in the repository,
 * in specs/sources/.
 */
class SeedFixturesAreVerbatimTest {

    @ParameterizedTest(name = "{0} is verbatim from {1}")
    @CsvSource({
            "eihealth-list-notebooks.json, 000_f2bd397ddee6c934.txt",
            "modelarts-list-notebooks.json, 001_b716a76a3ef0bbc9.txt",
            "modelarts-list-devenv-instances.json, 002_04e525fc33bdc62b.txt",
            "scnet-instance-service-detail.json, 003_842c41432a3f1909.txt",
            "modelarts-open-codelab.json, 004_8139379bb4d8d78d.txt"})
    void fixtureOccursInItsSeedPage(String fixture, String seed) throws Exception {
        Path seeds = Path.of(System.getProperty("seeds.dir", "../specs/sources"));
        String page = Files.readString(seeds.resolve(seed), StandardCharsets.UTF_8)
                .replaceAll("<[^>]+>", "")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("(?m)^\\|$", "");

        assertThat(compact(page)).contains(compact(Fixtures.seedExample(fixture)));
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
