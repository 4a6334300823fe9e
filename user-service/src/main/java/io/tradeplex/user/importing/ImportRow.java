package io.tradeplex.user.importing;

import java.util.Map;

/** One row as submitted, by column name, with its 1-based number in the file (the header is row 0). */
record ImportRow(int row, Map<String, String> values) {
    String value(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
