package uk.nhs.ics.transition.app.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The rows of every table of a store, in PostgreSQL's own {@code COPY} text format, and their sequences: a data-only
 * dump that needs no {@code pg_dump} of the server's version. The structure is not in it: it is what the Flyway
 * migrations up to the store's version create, so loading runs those first.
 *
 * <p>Format (gzip-compressed UTF-8): for each sequence a line {@code -- sequence <name> <last value>}; for each table
 * a line {@code -- table <schema>.<name> (<columns>)}, its rows as {@code COPY ... TO STDOUT} writes them, and a line
 * {@code \.}.
 */
public final class StoreDump {

    private StoreDump() {}

    /** Writes every table of the {@code public} and {@code replay_snapshot} schemas but Flyway's history. */
    public static void write(DataSource dataSource, OutputStream out) {
        try (Connection connection = dataSource.getConnection();
                BufferedWriter writer =
                        new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, Long> sequence : sequences(connection).entrySet()) {
                writer.write("-- sequence " + sequence.getKey() + " " + sequence.getValue() + "\n");
            }
            for (Map.Entry<String, String> table : tables(connection).entrySet()) {
                writer.write("-- table " + table.getKey() + " (" + table.getValue() + ")\n");
                StringWriter rows = new StringWriter();
                copy.copyOut(
                        "COPY (SELECT " + table.getValue() + " FROM " + table.getKey() + " ORDER BY 1) TO STDOUT",
                        rows);
                writer.write(rows.toString());
                writer.write("\\.\n");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump the store", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a dump into a store whose structure the migrations have already created; returns rows per table. */
    public static Map<String, Long> load(DataSource dataSource, InputStream in) {
        Map<String, Long> loaded = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("-- sequence ")) {
                    String[] parts = line.substring("-- sequence ".length()).split(" ");
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT setval('" + parts[0] + "', " + Long.parseLong(parts[1]) + ")");
                    }
                } else if (line.startsWith("-- table ")) {
                    String header = line.substring("-- table ".length());
                    String table = header.substring(0, header.indexOf(' '));
                    String columns = header.substring(header.indexOf('(') + 1, header.lastIndexOf(')'));
                    StringBuilder rows = new StringBuilder();
                    String row;
                    while (!(row = reader.readLine()).equals("\\.")) {
                        rows.append(row).append('\n');
                    }
                    long count = copy.copyIn(
                            "COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(rows.toString()));
                    loaded.put(table, count);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the dump", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT schemaname || '.' || sequencename FROM pg_sequences"
                        + " WHERE schemaname IN ('public', 'replay_snapshot') ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT last_value FROM " + name)) {
                rs.next();
                sequences.put(name, rs.getLong(1));
            }
        }
        return sequences;
    }

    private static Map<String, String> tables(Connection connection) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT c.table_schema || '.' || c.table_name, string_agg(c.column_name, ', '
                                 ORDER BY c.ordinal_position)
                          FROM information_schema.columns c
                          JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                         WHERE c.table_schema IN ('public', 'replay_snapshot') AND t.table_type = 'BASE TABLE'
                           AND c.table_name <> 'flyway_schema_history'
                         GROUP BY 1 ORDER BY 1""")) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2));
            }
        }
        return tables;
    }
}
