package uk.nhs.ics.transition.web.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import uk.nhs.ics.transition.audit.evidence.EvidenceEntries;
import uk.nhs.ics.transition.audit.history.HistoryNarrator;
import uk.nhs.ics.transition.audit.ledger.LedgerTreeStore;
import uk.nhs.ics.transition.audit.ledger.LedgerVerifier;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.projections.board.BoardQueries;
import uk.nhs.ics.transition.projections.constitution.ConstitutionQueries;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceQueries;
import uk.nhs.ics.transition.projections.programme.ProgrammeQueries;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.web.audit.ServiceSigner;

/** What makes evidence packs: the ledger's entries and tree, the read models' views, the report and the signer. */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

    @Bean
    EvidenceEntries evidenceEntries(JdbcTemplate jdbcTemplate) {
        return new EvidenceEntries(jdbcTemplate);
    }

    @Bean
    EvidenceViews evidenceViews(
            ReadinessQueries readiness,
            BoardQueries board,
            DueDiligenceQueries dueDiligence,
            ConstitutionQueries constitution,
            TransferQueries transfers) {
        return new EvidenceViews(readiness, board, dueDiligence, constitution, transfers);
    }

    @Bean
    EvidenceReport evidenceReport(EvidenceViews views, EvidenceEntries entries, HistoryNarrator narrator) {
        return new EvidenceReport(views, entries, narrator);
    }

    @Bean
    EvidencePacks evidencePacks(
            ReferenceData reference,
            ProgrammeQueries programme,
            EvidenceEntries entries,
            LedgerTreeStore tree,
            LedgerVerifier verifier,
            EvidenceViews views,
            EvidenceReport report,
            ServiceSigner signer,
            ObjectMapper json,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new EvidencePacks(
                reference,
                programme,
                entries,
                tree,
                verifier,
                views,
                report,
                signer,
                json,
                jdbc,
                transactions,
                clock,
                Clock.systemUTC());
    }
}
