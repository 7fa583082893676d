package org.contractfirst.notebooks.templatecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each file in templates/Java replaces the template of the same path in the openapi-generator jar (the generator
 * reads its template directory first). templates/upstream/ keeps the upstream version each override was written
 * against; this test fails when the jar's version differs from it, i.e. after a generator upgrade, so that the
 * upgrade's {@code git diff templates/upstream} shows what moved upstream and the override can follow it.
 * {@code -Dtemplates.update=true} copies the jar's versions into templates/upstream instead of failing.
 */
class UpstreamTemplatesTest {

  private static final Path TEMPLATES = Path.of(System.getProperty("templates.dir", "../../templates")).normalize();
  private static final Path OVERRIDES = TEMPLATES.resolve("Java");
  private static final Path UPSTREAM = TEMPLATES.resolve("upstream").resolve("Java");
  private static final String GENERATOR = "openapi-generator " + System.getProperty("openapi-generator.version", "(version unknown)");
  private static final boolean UPDATE = Boolean.getBoolean("templates.update");

  @Test
  void everyUpstreamCopyEqualsTheTemplateInThePinnedGenerator() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String path : files(OVERRIDES)) {
      byte[] jar = fromGeneratorJar(path);
      Path copy = UPSTREAM.resolve(path);
      if (jar == null) {
        if (Files.exists(copy)) {
          problems.add("templates/upstream/Java/" + path + ": " + GENERATOR + " has no Java/" + path
              + " (any more), so templates/Java/" + path + " is a new template, not an override: delete the copy"
              + " and check that the generator still includes the partial (upstream may have renamed it).");
        }
        continue;
      }
      if (!Files.exists(copy)) {
        if (UPDATE) {
          write(copy, jar);
          continue;
        }
        problems.add("templates/Java/" + path + " overrides " + GENERATOR + "'s Java/" + path
            + " but templates/upstream/Java/" + path + " is missing: run ./mvnw -pl build-tools/template-check test"
            + " -Dtemplates.update=true to copy it from the jar, and commit it with the override.");
      } else if (!java.util.Arrays.equals(Files.readAllBytes(copy), jar)) {
        if (UPDATE) {
          write(copy, jar);
          continue;
        }
        problems.add("templates/Java/" + path + " was written against an older Java/" + path + " than "
            + GENERATOR + "'s: run ./mvnw -pl build-tools/template-check test -Dtemplates.update=true, read"
            + " `git diff templates/upstream/Java/" + path + "` (what moved upstream) and carry those changes into"
            + " templates/Java/" + path + " (or delete the override if upstream now does what it did).");
      }
    }
    for (String path : files(UPSTREAM)) {
      if (!Files.exists(OVERRIDES.resolve(path))) {
        problems.add("templates/upstream/Java/" + path + " is the copy of an override that no longer exists"
            + " (templates/Java/" + path + "): delete it.");
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " template override(s) out of step with " + GENERATOR + ":\n  " + String.join("\n  ", problems));
    }
  }

  @Test
  void everyOverrideStartsWithItsReason() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String path : files(OVERRIDES)) {
      String text = Files.readString(OVERRIDES.resolve(path), StandardCharsets.UTF_8);
      if (!text.startsWith("{{!--") || !text.lines().findFirst().orElse("").contains("--}}")) {
        missing.add("templates/Java/" + path);
      }
    }
    assertEquals(List.of(), missing, "each template in templates/Java starts with a one-line {{!-- reason --}} comment");
  }

  @Test
  void theOverridesAreFound() throws IOException {
    // A wrong templates.dir would make the test above pass on nothing.
    assertTrue(files(OVERRIDES).contains("pojo.mustache"), "no templates/Java/pojo.mustache under " + TEMPLATES.toAbsolutePath());
    assertTrue(fromGeneratorJar("pojo.mustache") != null, "no Java/pojo.mustache on the test classpath (the openapi-generator jar)");
  }

  private static List<String> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  private static byte[] fromGeneratorJar(String path) {
    try (InputStream in = UpstreamTemplatesTest.class.getClassLoader().getResourceAsStream("Java/" + path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path copy, byte[] content) throws IOException {
    Files.createDirectories(copy.getParent());
    Files.write(copy, content);
    System.out.println("[template-check] updated " + copy + " from " + GENERATOR);
  }
}
