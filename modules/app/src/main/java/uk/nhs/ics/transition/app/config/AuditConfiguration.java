package uk.nhs.ics.transition.app.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.audit.history.HistoryNarrator;
import uk.nhs.ics.transition.audit.history.IcsHistory;
import uk.nhs.ics.transition.audit.ledger.AuditLedger;
import uk.nhs.ics.transition.audit.ledger.LedgerVerifier;
import uk.nhs.ics.transition.audit.trail.AuditTrail;
import uk.nhs.ics.transition.domain.reference.ReferenceData;

/** The audit trail: the hash-chained ledger that follows the event store, and what reads it. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditLedger auditLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batches, ReferenceData referenceData) {
        return new AuditLedger(jdbc, batches, referenceData);
    }

    /**
     * The ledger must never skip an event, or the chain would have a hole no one could explain: a failure propagates,
     * the batch rolls back and the processor retries it with back-off. It has no dead-letter queue for the same reason.
     */
    @Bean
    ConfigurerModule ledgerRetriesUntilRecorded() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(AuditLedger.NAME, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    LedgerVerifier ledgerVerifier(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        return new LedgerVerifier(jdbc, jdbcTemplate, transactions);
    }

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        return new AuditTrail(jdbc, jdbcTemplate, transactions);
    }

    @Bean
    HistoryNarrator historyNarrator() {
        return new HistoryNarrator();
    }

    @Bean
    IcsHistory icsHistory(AuditTrail trail, HistoryNarrator narrator) {
        return new IcsHistory(trail, narrator);
    }
}
