package uk.nhs.ics.transition.app.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration, the service's own role gets exactly what docs/operations/database-roles.md says, on every
 * table there is then: read and write everything, but history (events, ledger entries, the seal boundary, the
 * migrations' own history) only read and appended to. So no migration needs a manual grant afterwards, and tables the
 * owner creates outside a migration get the same through default privileges. Without a role named
 * ({@code ics.database.app-role}, {@code ICS_DATABASE_APP_ROLE}; the embedded default has none) it does nothing.
 */
public class ServiceRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ServiceRoleGrants.class);
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Append-only: the service may read them and add to them, never change or remove a row. */
    static final List<String> HISTORY = List.of(
            "domain_event_entry", "audit_ledger", "audit_ledger_node", "event_seal_boundary", "flyway_schema_history");

    private final String role;

    public ServiceRoleGrants(String role) {
        if (!role.isEmpty() && !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("not a plain role name: " + role);
        }
        this.role = role;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && !role.isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the service's role " + role + " its privileges", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "grants for the service's role";
    }

    void grant(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the service's database role " + role + " does not exist"
                            + " (ICS_DATABASE_APP_ROLE): create it first (docs/operations/database-roles.md)");
                }
            }
        }
        String app = "\"" + role + "\"";
        try (Statement statement = connection.createStatement()) {
            statement.execute("GRANT USAGE ON SCHEMA public, replay_snapshot TO " + app);
            statement.execute(
                    "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO " + app);
            statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app);
            statement.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + String.join(", ", HISTORY) + " FROM " + app);
            statement.execute("REVOKE INSERT ON flyway_schema_history FROM " + app);
            // replays copy a read model into replay_snapshot while it is rebuilt
            statement.execute("GRANT CREATE ON SCHEMA replay_snapshot TO " + app);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA replay_snapshot TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public"
                    + " GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + app);
        }
        log.info("Granted the service's role {} its privileges on every table (history append-only)", role);
    }
}
