package uk.nhs.ics.transition.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@link JdbcClient} the projections write with. While a handler runs with a {@link StatementBuffer} (see
 * {@link ProjectionTransactions}), an {@code update()} with named parameters goes into the buffer and answers 1
 * (no projection uses the count); everything else (queries, positional parameters, generated keys) first sends what
 * is buffered, then runs at once, so a handler always reads what it wrote. Without a buffer it is the plain client.
 */
public final class BufferingJdbcClient implements JdbcClient {

    private final JdbcClient direct;
    private final NamedParameterJdbcOperations named;

    public BufferingJdbcClient(NamedParameterJdbcOperations named) {
        this.direct = JdbcClient.create(named);
        this.named = named;
    }

    @Override
    public StatementSpec sql(String sql) {
        return new Spec(sql);
    }

    private final class Spec implements StatementSpec {
        private final String sql;
        private final MapSqlParameterSource byName = new MapSqlParameterSource();
        private final List<Object> byIndex = new ArrayList<>();
        private SqlParameterSource source;

        Spec(String sql) {
            this.sql = sql;
        }

        @Override
        public StatementSpec param(Object value) {
            byIndex.add(value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value) {
            while (byIndex.size() < jdbcIndex) {
                byIndex.add(null);
            }
            byIndex.set(jdbcIndex - 1, value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value, int sqlType) {
            return param(jdbcIndex, new org.springframework.jdbc.core.SqlParameterValue(sqlType, value));
        }

        @Override
        public StatementSpec param(String name, Object value) {
            byName.addValue(name, value);
            return this;
        }

        @Override
        public StatementSpec param(String name, Object value, int sqlType) {
            byName.addValue(name, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec params(Object... values) {
            byIndex.addAll(List.of(values));
            return this;
        }

        @Override
        public StatementSpec params(List<?> values) {
            byIndex.addAll(values);
            return this;
        }

        @Override
        public StatementSpec params(Map<String, ?> paramMap) {
            byName.addValues(paramMap);
            return this;
        }

        @Override
        public StatementSpec paramSource(Object namedParamObject) {
            throw new UnsupportedOperationException("projections bind parameters by name");
        }

        @Override
        public StatementSpec paramSource(SqlParameterSource namedParamSource) {
            this.source = namedParamSource;
            return this;
        }

        @Override
        public int update() {
            StatementBuffer buffer = StatementBuffer.current();
            if (buffer != null && byIndex.isEmpty()) {
                buffer.add(sql, source != null ? source : byName);
                return 1;
            }
            return now().update();
        }

        @Override
        public int update(KeyHolder generatedKeyHolder) {
            return now().update(generatedKeyHolder);
        }

        @Override
        public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) {
            return now().update(generatedKeyHolder, keyColumnNames);
        }

        @Override
        public ResultQuerySpec query() {
            return now().query();
        }

        @Override
        public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
            return now().query(mappedClass);
        }

        @Override
        public <T> MappedQuerySpec<T> query(RowMapper<T> rowMapper) {
            return now().query(rowMapper);
        }

        @Override
        public void query(RowCallbackHandler rch) {
            now().query(rch);
        }

        @Override
        public <T> T query(ResultSetExtractor<T> rse) {
            return now().query(rse);
        }

        /** The statement as the plain client runs it, after sending whatever is buffered. */
        private StatementSpec now() {
            StatementBuffer buffer = StatementBuffer.current();
            if (buffer != null) {
                buffer.flush(named);
            }
            StatementSpec spec = direct.sql(sql);
            if (!byIndex.isEmpty()) {
                return spec.params(byIndex);
            }
            return spec.paramSource(source != null ? source : byName);
        }
    }
}
