package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.contractfirst.notebooks.inventory.NotebookInstance;
import org.contractfirst.notebooks.inventory.SourceError;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three output formats. JSON (stable, documented in docs/inventory.md): an array of objects with the fields of
 * {@link #FIELDS}, in that order, every field present (null when the platform does not give it); times are
 * ISO-8601 UTC strings ("2020-09-10T10:07:17Z"), numbers are JSON numbers. CSV has the same columns. The table
 * shows the main ones.
 */
final class Output {

    static final List<String> FIELDS = List.of("platform", "source", "id", "name", "state", "rawStatus", "flavor",
            "cpuCores", "gpuCount", "gpuType", "memoryGiB", "image", "created", "updated", "url", "owner");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private Output() {
    }

    static String json(List<NotebookInstance> instances) {
        ArrayNode array = MAPPER.createArrayNode();
        for (NotebookInstance n : instances) {
            ObjectNode o = array.addObject();
            List<Object> values = values(n);
            for (int i = 0; i < FIELDS.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    o.putNull(FIELDS.get(i));
                } else if (v instanceof Double d) {
                    o.put(FIELDS.get(i), d);
                } else {
                    o.put(FIELDS.get(i), v.toString());
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(array) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(List<NotebookInstance> instances) {
        StringBuilder sb = new StringBuilder(String.join(",", FIELDS)).append("\r\n");
        for (NotebookInstance n : instances) {
            List<String> cells = new ArrayList<>();
            for (Object v : values(n)) {
                cells.add(csvCell(v == null ? "" : v instanceof Double d ? number(d) : v.toString()));
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    static String table(List<NotebookInstance> instances) {
        String[] header = {"PLATFORM", "ID", "NAME", "STATE", "STATUS", "FLAVOR", "CPU", "GPU", "MEM GiB", "CREATED"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (NotebookInstance n : instances) {
            rows.add(new String[]{n.platform().id(), s(n.id()), s(n.name()), n.state().name(), s(n.rawStatus()),
                    s(n.flavor()), number(n.cpuCores()), gpu(n), number(n.memoryGiB()),
                    n.created() == null ? "-" : TABLE_TIME.format(n.created())});
        }
        int[] width = new int[header.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], width(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - width(r[i]) + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        sb.append(instances.size()).append(instances.size() == 1 ? " instance" : " instances")
                .append(System.lineSeparator());
        return sb.toString();
    }

    /** Terminal columns: East Asian wide characters (SCNet's resourceSpec is Chinese) take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                    || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                    || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
            w += wide ? 2 : 1;
        }
        return w;
    }

    static String errorText(SourceError e) {
        StringBuilder sb = new StringBuilder("error: ").append(e.platform().id()).append(" source ").append(e.source());
        if (e.instanceId() != null) {
            sb.append(" instance ").append(e.instanceId());
        }
        sb.append(": ");
        if (e.httpStatus() != null) {
            sb.append("HTTP ").append(e.httpStatus()).append(' ');
        }
        if (e.code() != null) {
            sb.append(e.code()).append(' ');
        }
        sb.append(e.message() == null ? "" : e.message());
        if (e.requestId() != null) {
            sb.append(" (request id ").append(e.requestId()).append(')');
        }
        return sb.toString();
    }

    static String errorJson(SourceError e) {
        ObjectNode o = COMPACT.createObjectNode();
        o.put("platform", e.platform().id());
        o.put("source", e.source());
        o.put("instanceId", e.instanceId());
        if (e.httpStatus() == null) {
            o.putNull("httpStatus");
        } else {
            o.put("httpStatus", e.httpStatus());
        }
        o.put("code", e.code());
        o.put("message", e.message());
        o.put("requestId", e.requestId());
        return o.toString();
    }

    private static List<Object> values(NotebookInstance n) {
        List<Object> v = new ArrayList<>(FIELDS.size());
        v.add(n.platform().id());
        v.add(n.source());
        v.add(n.id());
        v.add(n.name());
        v.add(n.state().name());
        v.add(n.rawStatus());
        v.add(n.flavor());
        v.add(n.cpuCores());
        v.add(n.gpuCount());
        v.add(n.gpuType());
        v.add(n.memoryGiB());
        v.add(n.image());
        v.add(iso(n.created()));
        v.add(iso(n.updated()));
        v.add(n.url());
        v.add(n.owner());
        return v;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String gpu(NotebookInstance n) {
        String count = number(n.gpuCount());
        return n.gpuType() == null ? count : count + " " + n.gpuType();
    }

    private static String number(Double d) {
        if (d == null) {
            return "-";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String s(String v) {
        return v == null || v.isEmpty() ? "-" : v;
    }

    private static String csvCell(String v) {
        if (v.equals("-") ) {
            return v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
