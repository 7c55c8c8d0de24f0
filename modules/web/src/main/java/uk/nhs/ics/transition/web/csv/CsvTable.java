package uk.nhs.ics.transition.web.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How rows of one type read as a CSV table: its columns in order, each a name and the cell it reads from a row. A
 * column group may be keyed (one column per key of a map the row holds, named {@code prefix.key}, in the order the
 * keys first appear in the rows); such columns are not known without rows, so an empty table's header and the
 * OpenAPI description leave them out. Every table the API serves is declared in {@link CsvTables}.
 *
 * @param <T> the type of a row
 */
public final class CsvTable<T> {

    private sealed interface Column<T> permits Cell, Keyed {}

    private record Cell<T>(String name, Function<? super T, ?> value) implements Column<T> {}

    private record Keyed<T>(String prefix, Function<? super T, ? extends Map<String, ?>> values) implements Column<T> {}

    private final Class<T> rowType;
    private final List<Column<T>> columns;

    private CsvTable(Class<T> rowType, List<Column<T>> columns) {
        this.rowType = rowType;
        this.columns = List.copyOf(columns);
    }

    public static <T> Builder<T> of(Class<T> rowType) {
        return new Builder<>(rowType);
    }

    public Class<T> rowType() {
        return rowType;
    }

    /** The columns known without rows, in order: every column but the keyed ones. */
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        for (Column<T> column : columns) {
            if (column instanceof Cell<T> cell) {
                names.add(cell.name());
            }
        }
        return names;
    }

    /** One row's cells, for a table without keyed columns (whose columns are then known without rows). */
    public List<Object> row(T item) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            if (!(column instanceof Cell<T> cell)) {
                throw new IllegalStateException("a table with keyed columns is written whole, not row by row");
            }
            cells.add(cell.value().apply(item));
        }
        return cells;
    }

    /** The header and cells of these rows. */
    public CsvView rows(Collection<? extends T> items) {
        List<Set<String>> keys = new ArrayList<>();
        for (Column<T> column : columns) {
            Set<String> seen = new LinkedHashSet<>();
            if (column instanceof Keyed<T> keyed) {
                for (T item : items) {
                    Map<String, ?> values = keyed.values().apply(item);
                    if (values != null) {
                        seen.addAll(values.keySet());
                    }
                }
            }
            keys.add(seen);
        }
        List<String> header = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof Cell<T> cell) {
                header.add(cell.name());
            } else {
                String prefix = ((Keyed<T>) columns.get(i)).prefix();
                keys.get(i).forEach(key -> header.add(prefix + "." + key));
            }
        }
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (T item : items) {
            List<Object> row = new ArrayList<>(header.size());
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i) instanceof Cell<T> cell) {
                    row.add(cell.value().apply(item));
                } else {
                    Map<String, ?> values = ((Keyed<T>) columns.get(i)).values().apply(item);
                    for (String key : keys.get(i)) {
                        row.add(values == null ? null : values.get(key));
                    }
                }
            }
            rows.add(row);
        }
        return CsvView.of(header, rows);
    }

    /** Declares a table's columns in order. */
    public static final class Builder<T> {

        private final Class<T> rowType;
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(Class<T> rowType) {
            this.rowType = rowType;
        }

        /** A column and the cell it reads from a row. */
        public Builder<T> column(String name, Function<? super T, ?> value) {
            columns.add(new Cell<>(name, value));
            return this;
        }

        /**
         * The columns of another table, for a part of each row, named {@code prefix.column} (empty cells where the
         * part is absent).
         */
        public <P> Builder<T> nested(String prefix, Function<? super T, ? extends P> part, CsvTable<P> table) {
            for (Column<P> column : table.columns) {
                if (!(column instanceof Cell<P> cell)) {
                    throw new IllegalArgumentException("a nested table has no keyed columns");
                }
                columns.add(new Cell<T>(prefix + "." + cell.name(), row -> {
                    P value = part.apply(row);
                    return value == null ? null : cell.value().apply(value);
                }));
            }
            return this;
        }

        /** One column per key of the map a row holds, named {@code prefix.key}. */
        public Builder<T> keyed(String prefix, Function<? super T, ? extends Map<String, ?>> values) {
            columns.add(new Keyed<>(prefix, values));
            return this;
        }

        public CsvTable<T> build() {
            return new CsvTable<>(rowType, columns);
        }
    }
}
