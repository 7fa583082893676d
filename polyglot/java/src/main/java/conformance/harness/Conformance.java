package conformance.harness;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes every corpus payload with the stock {@code java} (okhttp-gson) clients: {@code Model.fromJson(text)} of the
 * item's service ({@code conformance.<service>.model.<Schema>}, which goes through the client's {@code JSON.getGson()}
 * and validates the element), then {@code model.toJson()}. Reads {@code <out>/corpus.json}
 * (polyglot/conformance/corpus.mjs), writes {@code <out>/results/java.json} [{id, ok, error, output}], judged by
 * polyglot/conformance/report.mjs. Run by polyglot/pom.xml: {@code java conformance.harness.Conformance <out>}.
 */
public final class Conformance {

    private Conformance() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        JsonObject corpus = JsonParser.parseString(Files.readString(out.resolve("corpus.json"))).getAsJsonObject();
        JsonArray results = new JsonArray();
        int decoded = 0;
        for (var element : corpus.getAsJsonArray("items")) {
            JsonObject item = element.getAsJsonObject();
            JsonObject result = new JsonObject();
            result.addProperty("id", item.get("id").getAsString());
            try {
                String output = roundTrip(item.get("service").getAsString(), item.get("schema").getAsString(),
                        Files.readString(Path.of(item.get("file").getAsString()), StandardCharsets.UTF_8));
                result.addProperty("ok", true);
                result.add("output", JsonParser.parseString(output));
                decoded++;
            } catch (Exception e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                result.addProperty("ok", false);
                result.addProperty("error", cause.getClass().getSimpleName() + ": " + cause.getMessage()
                        + (cause instanceof ClassNotFoundException
                        ? " (the java client did not compile: see the errors of compile (java-clients) above)" : ""));
            }
            results.add(result);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeNulls().create();
        Files.createDirectories(out.resolve("results"));
        Files.writeString(out.resolve("results/java.json"), gson.toJson(results));
        System.out.println("[conformance] java: " + decoded + "/" + results.size() + " decoded");
    }

    private static String roundTrip(String service, String schema, String json) throws ReflectiveOperationException {
        Class<?> model = Class.forName("conformance." + service + ".model." + schema);
        Object decoded = model.getMethod("fromJson", String.class).invoke(null, json);
        return (String) model.getMethod("toJson").invoke(decoded);
    }
}
