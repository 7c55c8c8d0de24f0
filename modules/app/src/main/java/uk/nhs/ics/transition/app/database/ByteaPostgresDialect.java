package uk.nhs.ics.transition.app.database;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * PostgreSQL with Axon's {@code @Lob byte[]} columns (payloads, metadata, tokens, snapshots, dead letters) as
 * {@code bytea}. Hibernate's default maps them to {@code oid}, large objects that live outside the table: they are
 * not removed with their rows, not covered by the table's privileges, and invisible to plain SQL.
 */
public class ByteaPostgresDialect extends PostgreSQLDialect {

    public ByteaPostgresDialect() {
        super();
    }

    public ByteaPostgresDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        JdbcTypeRegistry registry = typeContributions.getTypeConfiguration().getJdbcTypeRegistry();
        registry.addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
