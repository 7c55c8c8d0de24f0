package uk.nhs.ics.transition.app.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import uk.nhs.ics.transition.app.config.IcsEnvironment;

/**
 * The embedded default: with no database configured, start PostgreSQL from the embedded binaries with its data in
 * {@code ${ics.data-dir}/postgres}, and stop it when the service stops (after the connection pool has closed).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = IcsEnvironment.EMBEDDED_DATABASE, havingValue = "true")
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(
            @Value("${ics.data-dir}") Path dataDir,
            @Value("${ics.database.embedded-port:0}") int port,
            @Value("${ics.database.name:ics_transition}") String database,
            @Value("${ics.database.durable:true}") boolean durable) {
        return EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port, database, durable);
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        pool.setPoolName("ics-embedded");
        return pool;
    }

    /**
     * Flyway's own connection to the embedded server: without the pool's socket timeout, since a migration's single
     * statement may rightly run for minutes on a large store.
     */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgresServer server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }

    /** Restarts the embedded server when it dies, and keeps readiness honest meanwhile. */
    @Bean
    EmbeddedPostgresSupervisor embeddedPostgresSupervisor(
            EmbeddedPostgresServer server,
            ApplicationEventPublisher events,
            @Value("${ics.database.embedded-watch-interval:1s}") Duration interval,
            @Value("${ics.database.embedded-restart-max-back-off:30s}") Duration maxBackOff) {
        return new EmbeddedPostgresSupervisor(server, events, interval, maxBackOff, Clock.systemUTC());
    }

    /** The embedded server, for health checks and tools; also proves in tests which mode is running. */
    @Bean
    EmbeddedDatabaseInfo embeddedDatabaseInfo(EmbeddedPostgresServer server, DataSource dataSource) {
        return new EmbeddedDatabaseInfo(server.port(), server.jdbcUrl());
    }
}
