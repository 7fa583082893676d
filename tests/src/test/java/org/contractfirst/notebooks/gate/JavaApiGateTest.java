package org.contractfirst.notebooks.gate;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdicts of the Java API gate (japicmp, run on every client jar by clients/pom.xml) on the released
 * client jars of the baseline release (contract.baseline.version): a removed public class breaks binary compatibility, an added one does not, and the
 * released jar compared with itself shows no change.
 */
class JavaApiGateTest {

    private static final String REMOVED = "org/contractfirst/notebooks/scnet/model/MountInfo.class";

    @TempDir
    Path tmp;

    private static Path releasedJar() {
        String version = System.getProperty("contract.baseline.version");
        Path jar = Path.of(System.getProperty("contracts.dir"), "baseline", version, "java", "scnet-client-" + version + ".jar");
        assertThat(jar).as("released client jar").isRegularFile();
        return jar;
    }

    private Path withoutEntry(Path jar, String entryName) throws IOException {
        Path copy = tmp.resolve("without-" + Path.of(entryName).getFileName() + ".jar");
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (!e.getName().equals(entryName)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    private static List<JApiClass> compare(Path oldJar, Path newJar) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setClassPathMode(JarArchiveComparatorOptions.ClassPathMode.ONE_COMMON_CLASSPATH);
        options.getClassPathEntries().addAll(Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        return new JarArchiveComparator(options).compare(new JApiCmpArchive(oldJar.toFile(), "released"),
                new JApiCmpArchive(newJar.toFile(), "changed"));
    }

    @Test
    void removedPublicClassIsBinaryIncompatible() throws IOException {
        Path released = releasedJar();

        List<JApiClass> classes = compare(released, withoutEntry(released, REMOVED));

        assertThat(classes).filteredOn(c -> c.getChangeStatus() != JApiChangeStatus.UNCHANGED)
                .singleElement().satisfies(c -> {
                    assertThat(c.getFullyQualifiedName()).isEqualTo("org.contractfirst.notebooks.scnet.model.MountInfo");
                    assertThat(c.getChangeStatus()).isEqualTo(JApiChangeStatus.REMOVED);
                    assertThat(c.isBinaryCompatible()).isFalse();
                });
    }

    @Test
    void addedPublicClassIsCompatible() throws IOException {
        Path released = releasedJar();

        List<JApiClass> classes = compare(withoutEntry(released, REMOVED), released);

        assertThat(classes).filteredOn(c -> c.getChangeStatus() != JApiChangeStatus.UNCHANGED)
                .singleElement().satisfies(c -> {
                    assertThat(c.getChangeStatus()).isEqualTo(JApiChangeStatus.NEW);
                    assertThat(c.isBinaryCompatible()).isTrue();
                    assertThat(c.isSourceCompatible()).isTrue();
                });
    }

    @Test
    void releasedJarComparedWithItselfHasNoChange() {
        Path released = releasedJar();

        assertThat(compare(released, released)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getChangeStatus()).isEqualTo(JApiChangeStatus.UNCHANGED));
    }
}
