package org.contractfirst.notebooks.runtime;

import org.contractfirst.notebooks.runtime.contract.ContractViolationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime's API is every package but {@code internal} (docs/api-decisions.md: the equivalent of a module that
 * does not export it). No public or protected signature of an API type may mention an internal type, or a user
 * would need the internal package to call it; and only the runtime makes exceptions.
 */
class ApiSurfaceTest {

    private static final String INTERNAL = "org.contractfirst.notebooks.runtime.internal.";

    @Test
    void noApiSignatureMentionsAnInternalType() throws Exception {
        List<Class<?>> api = apiClasses();
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : api) {
            check(leaks, type, "extends", type.getGenericSuperclass());
            for (Type i : type.getGenericInterfaces()) {
                check(leaks, type, "implements", i);
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c)) {
                    checkExecutable(leaks, type, c);
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (visible(m) && !m.isSynthetic()) {
                    check(leaks, type, m.getName() + " returns", m.getGenericReturnType());
                    checkExecutable(leaks, type, m);
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(f) && !f.isSynthetic()) {
                    check(leaks, type, "field " + f.getName(), f.getGenericType());
                }
            }
        }
        assertThat(api).as("API types found").hasSizeGreaterThan(20)
                .contains(ApiException.class, ClientOptions.class, HuaweiClientBuilder.class)
                .noneMatch(c -> c.getName().startsWith(INTERNAL));
        assertThat(leaks).isEmpty();
    }

    @Test
    void onlyTheRuntimeMakesExceptions() {
        for (Class<?> e : List.of(ApiException.class, ScnetApiException.class, RedirectRefusedException.class,
                ContractViolationException.class)) {
            assertThat(e.getDeclaredConstructors()).as(e.getSimpleName())
                    .noneMatch(c -> Modifier.isPublic(c.getModifiers()));
        }
        assertThat(ScnetApiException.class).isFinal();
        assertThat(RedirectRefusedException.class).isFinal();
    }

    private static void checkExecutable(List<String> leaks, Class<?> type, Executable e) {
        for (Type p : e.getGenericParameterTypes()) {
            check(leaks, type, e.getName() + " parameter", p);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(leaks, type, e.getName() + " throws", x);
        }
    }

    private static void check(List<String> leaks, Class<?> type, String where, Type t) {
        if (t != null && t.getTypeName().contains(INTERNAL)) {
            leaks.add(type.getName() + " " + where + " " + t.getTypeName());
        }
    }

    private static boolean visible(Member m) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod) || (Modifier.isProtected(mod) && !Modifier.isFinal(m.getDeclaringClass().getModifiers()));
    }

    /** The public classes (and their public or protected nested classes) outside the internal package. */
    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ApiException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.startsWith(INTERNAL) || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
                if (isApi(c)) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static boolean isApi(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        int mod = c.getModifiers();
        if (c.getEnclosingClass() == null) {
            return Modifier.isPublic(mod);
        }
        return (Modifier.isPublic(mod) || Modifier.isProtected(mod)) && isApi(c.getEnclosingClass());
    }
}
