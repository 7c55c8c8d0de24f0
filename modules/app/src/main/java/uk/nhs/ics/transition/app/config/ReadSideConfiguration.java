package uk.nhs.ics.transition.app.config;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.projections.ProjectionTransactions;
import uk.nhs.ics.transition.projections.reference.ReferenceDataProjection;
import uk.nhs.ics.transition.projections.reference.ReferenceDataQueries;

/** The projections (each in its own processing group) and the queries that read their tables. */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    /** Savepoint and position per projection event (see {@link ProjectionTransactions}). */
    @Bean
    ProjectionTransactions savepointPerEvent(DataSource dataSource) {
        return new ProjectionTransactions(
                dataSource, List.of("uk.nhs.ics.transition.projections", "uk.nhs.ics.transition.audit"));
    }

    @Bean
    ReferenceDataProjection referenceDataProjection(JdbcClient jdbc) {
        return new ReferenceDataProjection(jdbc);
    }

    @Bean
    ReferenceDataQueries referenceDataQueries(JdbcClient jdbc) {
        return new ReferenceDataQueries(jdbc);
    }
}
