package uk.nhs.ics.transition.app.config;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.projections.BufferingJdbcClient;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.ProjectionTransactions;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.projections.approval.ApprovalQueries;
import uk.nhs.ics.transition.projections.approval.ApprovalsProjection;
import uk.nhs.ics.transition.projections.board.BoardProjection;
import uk.nhs.ics.transition.projections.board.BoardQueries;
import uk.nhs.ics.transition.projections.constitution.ConstitutionProjection;
import uk.nhs.ics.transition.projections.constitution.ConstitutionQueries;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceProjection;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceQueries;
import uk.nhs.ics.transition.projections.milestones.MilestonesProjection;
import uk.nhs.ics.transition.projections.programme.ProgrammeProjection;
import uk.nhs.ics.transition.projections.programme.ProgrammeQueries;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.readiness.SystemDetailQueries;
import uk.nhs.ics.transition.projections.reference.ReferenceDataProjection;
import uk.nhs.ics.transition.projections.reference.ReferenceDataQueries;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.projections.transfer.TransferSchemeProjection;

/**
 * The read side: each projection in its own processing group (configured in {@code application.yml}), and the
 * queries that read their tables.
 */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    /** A savepoint and a position per projection event (see {@link ProjectionTransactions}). */
    @Bean
    ProjectionTransactions projectionTransactions(DataSource dataSource) {
        return new ProjectionTransactions(dataSource, List.of("uk.nhs.ics.transition.projections"));
    }

    @Bean
    ReplaySnapshots replaySnapshots(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
        return new ReplaySnapshots(jdbc, transactions, () -> waitForLongStatements(dataSource));
    }

    /**
     * Lifts the pool's socket timeout from the current transaction's connection (the pool puts it back when the
     * connection is returned): for the few statements that may rightly run long, such as a replay's copy.
     */
    static void waitForLongStatements(DataSource dataSource) {
        try {
            DataSourceUtils.getConnection(dataSource).setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lift the connection's timeout for a long statement", e);
        }
    }

    @Bean
    ProjectionPositions projectionPositions(JdbcClient jdbc, ReplaySnapshots snapshots) {
        return new ProjectionPositions(jdbc, snapshots);
    }

    // ---------------------------------------------------------------- projections

    /** What the projections write with: their batch's writes are buffered (see {@link ProjectionTransactions}). */
    private static JdbcClient writer(NamedParameterJdbcTemplate jdbc) {
        return new BufferingJdbcClient(jdbc);
    }

    @Bean
    ReferenceDataProjection referenceDataProjection(NamedParameterJdbcTemplate jdbc) {
        return new ReferenceDataProjection(writer(jdbc));
    }

    @Bean
    ProgrammeProjection programmeProjection(NamedParameterJdbcTemplate jdbc) {
        return new ProgrammeProjection(writer(jdbc));
    }

    @Bean
    MilestonesProjection milestonesProjection(NamedParameterJdbcTemplate jdbc) {
        return new MilestonesProjection(writer(jdbc));
    }

    @Bean
    BoardProjection boardProjection(NamedParameterJdbcTemplate jdbc) {
        return new BoardProjection(writer(jdbc));
    }

    @Bean
    DueDiligenceProjection dueDiligenceProjection(NamedParameterJdbcTemplate jdbc) {
        return new DueDiligenceProjection(writer(jdbc));
    }

    @Bean
    ConstitutionProjection constitutionProjection(NamedParameterJdbcTemplate jdbc) {
        return new ConstitutionProjection(writer(jdbc));
    }

    @Bean
    TransferSchemeProjection transferSchemeProjection(NamedParameterJdbcTemplate jdbc) {
        return new TransferSchemeProjection(writer(jdbc));
    }

    @Bean
    ApprovalsProjection approvalsProjection(NamedParameterJdbcTemplate jdbc) {
        return new ApprovalsProjection(writer(jdbc));
    }

    // ---------------------------------------------------------------- queries

    @Bean
    ReferenceDataQueries referenceDataQueries(JdbcClient jdbc) {
        return new ReferenceDataQueries(jdbc);
    }

    @Bean
    ProgrammeQueries programmeQueries(JdbcClient jdbc, ProjectionPositions positions) {
        return new ProgrammeQueries(jdbc, positions);
    }

    @Bean
    ReadinessQueries readinessQueries(JdbcClient jdbc, ProgrammeQueries programme) {
        return new ReadinessQueries(jdbc, programme);
    }

    @Bean
    BoardQueries boardQueries(JdbcClient jdbc, ProjectionPositions positions) {
        return new BoardQueries(jdbc, positions);
    }

    @Bean
    DueDiligenceQueries dueDiligenceQueries(JdbcClient jdbc, ProjectionPositions positions) {
        return new DueDiligenceQueries(jdbc, positions);
    }

    @Bean
    ConstitutionQueries constitutionQueries(JdbcClient jdbc, ProjectionPositions positions) {
        return new ConstitutionQueries(jdbc, positions);
    }

    @Bean
    TransferQueries transferQueries(JdbcClient jdbc, ProjectionPositions positions) {
        return new TransferQueries(jdbc, positions);
    }

    @Bean
    ApprovalQueries approvalQueries(JdbcClient jdbc) {
        return new ApprovalQueries(jdbc);
    }

    @Bean
    SystemDetailQueries systemDetailQueries(
            ReferenceDataQueries reference,
            ReadinessQueries readiness,
            BoardQueries board,
            DueDiligenceQueries dueDiligence,
            ConstitutionQueries constitution) {
        return new SystemDetailQueries(reference, readiness, board, dueDiligence, constitution);
    }
}
