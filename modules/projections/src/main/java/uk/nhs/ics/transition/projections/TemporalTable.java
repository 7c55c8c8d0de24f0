package uk.nhs.ics.transition.projections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read-model table that keeps every version of every row, by knowledge time. Each version carries
 * {@code valid_from} (when the event that made it was recorded), {@code valid_to} (when the next one was, or null
 * while current) and {@code version} (the sequence number of that event in its aggregate).
 *
 * <p>A read of the present takes the current versions; a read as of an instant takes the versions valid at that
 * instant: the same query either way ({@link #valid}). Every write is idempotent: an event applied twice finds its
 * own version already there and changes nothing, and an older event never closes a newer version.
 *
 * <p>The table has the key columns, the value columns, and {@code valid_from timestamptz NOT NULL},
 * {@code valid_to timestamptz}, {@code version bigint NOT NULL}, with the key columns and {@code version} as its
 * primary key. Column names come from code, never from input.
 */
public final class TemporalTable {

    private final String name;
    private final List<String> keyColumns;
    private final List<String> valueColumns;
    private final Set<String> jsonColumns;
    private final String replaceSql;
    private final String endSql;
    private final Map<Set<String>, String> amendSql = new ConcurrentHashMap<>();

    /**
     * @param name the table
     * @param keyColumns the columns that identify a row across its versions
     * @param valueColumns the columns each version holds
     * @param jsonColumns those value columns that are {@code jsonb} (bound from JSON text)
     */
    public TemporalTable(String name, List<String> keyColumns, List<String> valueColumns, Set<String> jsonColumns) {
        this.name = name;
        this.keyColumns = List.copyOf(keyColumns);
        this.valueColumns = List.copyOf(valueColumns);
        this.jsonColumns = Set.copyOf(jsonColumns);
        String key = keyMatch("");
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        this.replaceSql = "WITH closed AS (UPDATE " + name + " SET valid_to = :at WHERE " + key
                + " AND valid_to IS NULL AND version < :version RETURNING 1) "
                + "INSERT INTO " + name + " (" + String.join(", ", columns) + ", valid_from, version) "
                + "SELECT " + keyColumns.stream().map(c -> ":k_" + c).collect(Collectors.joining(", "))
                + (valueColumns.isEmpty() ? "" : ", ")
                + valueColumns.stream().map(this::valueParameter).collect(Collectors.joining(", "))
                + ", :at, :version WHERE NOT EXISTS (SELECT 1 FROM " + name + " WHERE " + key
                + " AND version >= :version)";
        this.endSql =
                "UPDATE " + name + " SET valid_to = :at WHERE " + key + " AND valid_to IS NULL AND version < :version";
    }

    public String name() {
        return name;
    }

    /** Starts a new version with exactly these values, ending the current one. */
    public void replace(JdbcClient jdbc, Map<String, ?> key, Map<String, ?> values, long version, Instant at) {
        if (!values.keySet().equals(Set.copyOf(valueColumns))) {
            throw new IllegalArgumentException(name + " needs values for " + valueColumns + ", got " + values.keySet());
        }
        JdbcClient.StatementSpec statement = bind(jdbc.sql(replaceSql), key, version, at);
        for (String column : valueColumns) {
            statement = statement.param("v_" + column, values.get(column));
        }
        statement.update();
    }

    /** Starts a new version that copies the current one with some values changed; nothing if there is none. */
    public void amend(JdbcClient jdbc, Map<String, ?> key, Map<String, ?> changes, long version, Instant at) {
        if (!valueColumns.containsAll(changes.keySet())) {
            throw new IllegalArgumentException(name + " has no columns " + changes.keySet());
        }
        String sql = amendSql.computeIfAbsent(Set.copyOf(changes.keySet()), this::amendStatement);
        JdbcClient.StatementSpec statement = bind(jdbc.sql(sql), key, version, at);
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            statement = statement.param("v_" + change.getKey(), change.getValue());
        }
        statement.update();
    }

    /** Ends the current version of each row matching the key (which may name only some key columns). */
    public void end(JdbcClient jdbc, Map<String, ?> key, long version, Instant at) {
        String sql = key.keySet().equals(Set.copyOf(keyColumns))
                ? endSql
                : "UPDATE " + name + " SET valid_to = :at WHERE "
                        + key.keySet().stream().map(c -> c + " = :k_" + c).collect(Collectors.joining(" AND "))
                        + " AND valid_to IS NULL AND version < :version";
        bind(jdbc.sql(sql), key, version, at).update();
    }

    /**
     * The condition that a row of this table (under the alias) is the version valid as of the read's knowledge
     * time; bind {@code :asOf} with {@link AsOf#bound()}. The present uses the index of current versions.
     */
    public static String valid(String alias, AsOf asOf) {
        return asOf.isNow()
                ? alias + ".valid_to IS NULL"
                : "(" + alias + ".valid_from <= :asOf AND (" + alias + ".valid_to IS NULL OR " + alias
                        + ".valid_to > :asOf))";
    }

    private String amendStatement(Set<String> changed) {
        String key = keyMatch("");
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        List<String> selected = new ArrayList<>(keyColumns);
        for (String column : valueColumns) {
            selected.add(changed.contains(column) ? valueParameter(column) : column);
        }
        return "WITH closed AS (UPDATE " + name + " SET valid_to = :at WHERE " + key
                + " AND valid_to IS NULL AND version < :version RETURNING *) "
                + "INSERT INTO " + name + " (" + String.join(", ", columns) + ", valid_from, version) "
                + "SELECT " + String.join(", ", selected) + ", :at, :version FROM closed";
    }

    private String valueParameter(String column) {
        return jsonColumns.contains(column) ? "CAST(:v_" + column + " AS jsonb)" : ":v_" + column;
    }

    private String keyMatch(String alias) {
        return keyColumns.stream().map(c -> alias + c + " = :k_" + c).collect(Collectors.joining(" AND "));
    }

    private JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, Map<String, ?> key, long version, Instant at) {
        for (Map.Entry<String, ?> entry : key.entrySet()) {
            statement = statement.param("k_" + entry.getKey(), entry.getValue());
        }
        return statement.param("version", version).param("at", Timestamp.from(at));
    }

    /** A map that keeps nulls and order, for the values of a version. */
    public static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    /** The same, when the values are built up in steps. */
    public static Map<String, Object> values(Map<String, Object> base, Object... more) {
        Map<String, Object> values = new HashMap<>(base);
        values.putAll(values(more));
        return values;
    }
}
