package io.tradeplex.user.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.kit.problem.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an import file into rows of named values: CSV (RFC 4180, a header row naming the columns) or JSON (an array of
 * objects, or {@code {"users": [...]}}). A file that cannot be read at all is refused whole; a row's content is
 * judged later, row by row.
 */
final class ImportParser {
    static final int MAX_ROWS = 5000;

    private ImportParser() {
    }

    static List<ImportRow> json(String body, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (Exception e) {
            throw ApiException.invalid("body", "is not valid JSON");
        }
        JsonNode users = root != null && root.isObject() ? root.get("users") : root;
        if (users == null || !users.isArray()) {
            throw ApiException.invalid("users", "must be an array of users");
        }
        requireSize(users.size());
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            JsonNode user = users.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            if (user.isObject()) {
                user.fields().forEachRemaining(field -> values.put(field.getKey(), text(field.getValue())));
            }
            rows.add(new ImportRow(i + 1, values));
        }
        return rows;
    }

    static List<ImportRow> csv(String body) {
        List<List<String>> records = records(body);
        if (records.isEmpty()) {
            throw ApiException.invalid("body", "must start with a header row, e.g. email,displayName,tier");
        }
        List<String> header = records.get(0).stream().map(name -> name.strip()).toList();
        if (!header.contains("email")) {
            throw ApiException.invalid("header", "must name an email column");
        }
        requireSize(records.size() - 1);
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            for (int column = 0; column < header.size() && column < record.size(); column++) {
                values.put(header.get(column), record.get(column));
            }
            if (record.size() > header.size()) {
                values.put("__extra", "row has " + record.size() + " fields, the header " + header.size());
            }
            rows.add(new ImportRow(i, values));
        }
        return rows;
    }

    /** Lists in one cell are separated by ';' or '|' (a ',' would split the CSV cell). */
    static List<String> list(String cell) {
        if (cell == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String item : cell.split("[;|]")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(";", items);
        }
        return value.asText();
    }

    private static void requireSize(int rows) {
        if (rows > MAX_ROWS) {
            throw new ApiException(413, "Payload Too Large", "IMPORT_TOO_LARGE",
                    "At most " + MAX_ROWS + " users per import; split the file", List.of());
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; blank lines are skipped. */
    private static List<List<String>> records(String body) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ApiException.invalid("body", "has an unterminated quoted field");
        }
        record.add(field.toString());
        addUnlessBlank(records, record);
        return records;
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> record) {
        if (!(record.size() == 1 && record.get(0).isBlank())) {
            records.add(record);
        }
    }

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
