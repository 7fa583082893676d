package org.contractfirst.notebooks.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java snippet is QuickStart.java (from its imports on), which the build compiles and
 * examples/run.sh quickstart runs against the mock: it cannot go stale without this test failing.
 */
class ReadmeSnippetTest {

    @Test
    void theReadmeQuotesQuickStartVerbatim() throws Exception {
        Path root = Path.of(System.getProperty("repo.root", ".."));
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(root.resolve(
                "examples/src/main/java/org/contractfirst/notebooks/examples/QuickStart.java"), StandardCharsets.UTF_8);
        String quoted = source.substring(source.indexOf("import ")).strip();

        assertThat(quoted).contains("ListNotebooksRequest.builder(projectId)", "modelarts.allNotebooks(running)");
        assertThat(readme).contains("```java\n" + quoted + "\n```");
    }
}
