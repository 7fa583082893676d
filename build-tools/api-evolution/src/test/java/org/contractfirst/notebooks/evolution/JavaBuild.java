package org.contractfirst.notebooks.evolution;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiling sources into a jar, and japicmp between two jars, as the build does it. */
final class JavaBuild {

    private JavaBuild() {
    }

    /** The classpath the clients compile against (this module's test classpath, from Maven). */
    static List<Path> classpath() {
        String cp = System.getProperty("evolution.classpath");
        if (cp == null || cp.isBlank()) {
            throw new IllegalStateException("system property evolution.classpath is not set (run through Maven)");
        }
        return Arrays.stream(cp.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoots} (with {@code extraClasspath} before the module's
     * classpath) and packs the classes into {@code jar}. Fails with javac's messages.
     */
    static Path compileToJar(List<Path> sourceRoots, List<Path> extraClasspath, Path classesDir, Path jar) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        Files.createDirectories(classesDir);
        List<Path> cp = new ArrayList<>(extraClasspath);
        cp.addAll(classpath());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-parameters", "-proc:none", "-nowarn",
                    "-encoding", "UTF-8", "-d", classesDir.toString(),
                    "-classpath", String.join(java.io.File.pathSeparator, cp.stream().map(Path::toString).toList()));
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("compilation of " + sourceRoots + " failed:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        sb.append("\n  ").append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                                .append(d.getMessage(null));
                    }
                }
                throw new IllegalStateException(sb.toString());
            }
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jos.putNextEntry(new JarEntry(classesDir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jos);
                jos.closeEntry();
            }
        }
        return jar;
    }

    /**
     * japicmp as the build's java-api-gate runs it (public and protected API, binary and source compatibility):
     * one line per incompatible change, empty when compatible.
     */
    static List<String> incompatibilities(Path oldJar, Path newJar) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setAccessModifier(AccessModifier.PROTECTED);
        options.setClassPathMode(JarArchiveComparatorOptions.ClassPathMode.ONE_COMMON_CLASSPATH);
        options.getClassPathEntries().addAll(classpath().stream().map(Path::toString).toList());
        List<JApiClass> classes = new JarArchiveComparator(options)
                .compare(new JApiCmpArchive(oldJar.toFile(), "old"), new JApiCmpArchive(newJar.toFile(), "new"));
        List<String> problems = new ArrayList<>();
        for (JApiClass c : classes) {
            if (c.isBinaryCompatible() && c.isSourceCompatible()) {
                continue;
            }
            collect(c.getFullyQualifiedName(), c, problems);
            c.getMethods().forEach(m -> collect(c.getFullyQualifiedName() + "." + m.getName(), m, problems));
            c.getConstructors().forEach(m -> collect(c.getFullyQualifiedName() + ".<init>", m, problems));
            c.getFields().forEach(f -> collect(c.getFullyQualifiedName() + "." + f.getName(), f, problems));
            if (problems.isEmpty()) {
                problems.add(c.getFullyQualifiedName() + ": incompatible (" + c.getChangeStatus() + ")");
            }
        }
        return problems;
    }

    private static void collect(String where, JApiCompatibility element, List<String> problems) {
        for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
            if (!change.isBinaryCompatible() || !change.isSourceCompatible()) {
                problems.add(where + ":" + change.getType()
                        + (change.isBinaryCompatible() ? " (source)" : change.isSourceCompatible() ? " (binary)" : ""));
            }
        }
    }
}
