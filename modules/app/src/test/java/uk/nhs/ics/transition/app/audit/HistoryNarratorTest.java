package uk.nhs.ics.transition.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.ics.transition.app.config.AxonConfiguration;
import uk.nhs.ics.transition.app.support.EventSamples;
import uk.nhs.ics.transition.app.support.NarrationSamples;
import uk.nhs.ics.transition.audit.history.HistoryNarrator;

/**
 * Every event the domain can record reads as a sentence in an ICS's history, built from the event as the store keeps
 * it (the same JSON, read back as the event's class), naming who made the change and why.
 */
class HistoryNarratorTest {

    private static final ObjectMapper STORED_FORM = AxonConfiguration.messageObjectMapper();
    private final HistoryNarrator narrator = new HistoryNarrator(STORED_FORM);

    static java.util.stream.Stream<Class<?>> events() {
        return EventSamples.events();
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_event_reads_as_a_sentence_that_names_who_did_it_and_why(Class<?> eventType) throws Exception {
        JsonNode payload = stored(EventSamples.sample(eventType));

        String sentence = narrator.sentence(
                eventType.getSimpleName(), payload, "Jane Smith", "PROGRAMME_MANAGER", "QKS", "board papers late");

        assertThat(narrator.knows()).contains(eventType);
        assertThat(narrator.phrase(eventType.getSimpleName(), payload)).isPresent();
        assertThat(sentence)
                .isNotBlank()
                .doesNotContain("null")
                .doesNotContain("{")
                .contains("by Jane Smith (QKS programme manager)")
                .endsWith(": board papers late");
    }

    /**
     * What each event says, word for word, with every field of a sample distinct and every branch of a phrase taken:
     * a phrase that read the wrong field, or lost one, would change a line here.
     */
    @Test
    void each_phrase_says_what_its_event_recorded() throws Exception {
        List<String> said = NarrationSamples.events()
                .map(event -> {
                    try {
                        return narrator.phrase(event.getClass().getSimpleName(), stored(event))
                                .orElseThrow();
                    } catch (Exception e) {
                        throw new AssertionError(event + " does not read", e);
                    }
                })
                .toList();

        assertThat(said)
                .containsExactly(
                        "Asked for a second person's approval to sign off QKS's due diligence (request A-1, open until 2022-01-10)",
                        "Approved Sam Jones's request to approve QKS's constitution (request A-2)",
                        "Rejected Sam Jones's request to approve QKS's constitution (request A-3): the gaps have no plans",
                        "The request to approve QKS's constitution (request A-4) was superseded by a later one",
                        "Event ev-1 of QKS skipped by the milestones read model",
                        "Region Y59 South East registered",
                        "National programme opened with the June 2021 baseline (establishment 2022-04-01)",
                        "The Bill's second reading recorded as 2021-12-24",
                        "Programme re-baselined (baseline 2, from 2021-12-24): establishment 2022-07-01 (was 2022-04-01)",
                        "Transition opened for Kent and Medway with 2 milestones and 3 board seats",
                        "Noted the Bill's royal assent (2021-12-24)",
                        "Noted the establishment date now in force: 2022-07-01",
                        "Noted that 91Q's transfer scheme was agreed on 2022-01-10",
                        "Q2-CHAIR-CEO-CONFIRMED started (the first of its facts was recorded)",
                        "Q2-CHAIR-CEO-CONFIRMED started",
                        "Q2-CHAIR-CEO-CONFIRMED flagged at risk",
                        "Q2-CHAIR-CEO-CONFIRMED back on track",
                        "Q2-CHAIR-CEO-CONFIRMED completed on 2021-12-24 (its facts are all recorded)",
                        "Q2-CHAIR-CEO-CONFIRMED completed on 2022-01-10 with 2 pieces of evidence",
                        "Q2-CHAIR-CEO-CONFIRMED completed on 2022-01-10 with 1 piece of evidence",
                        "Q2-CHAIR-CEO-CONFIRMED reopened (one of its facts no longer holds)",
                        "Q2-CHAIR-CEO-CONFIRMED reopened",
                        "Recruitment started for INDEPENDENT_NED-2 (local process)",
                        "Cedi Frederick named preferred candidate for INDEPENDENT_NED-2 (mental health expertise)",
                        "Ann Other named preferred candidate for CHAIR",
                        "CHAIR confirmed as designate: Cedi Frederick",
                        "Ann Other withdrawn from CHAIR (was designate confirmed)",
                        "CHAIR: Cedi Frederick made substantive from 2022-07-01",
                        "Due diligence planning started",
                        "Due diligence item DD-3 raised (QUALITY): Serious incidents",
                        "Due diligence item DD-3 assessed ASSURED",
                        "Due diligence item DD-4 assessed ISSUE (HIGH risk, not mitigated)",
                        "Due diligence item DD-5 assessed ISSUE (LOW risk, mitigated)",
                        "Due diligence signed off by Paul Carter as ccg accountable officer of 91Q",
                        "Due diligence signed off by Cedi Frederick as designate chief executive",
                        "Due diligence sign-offs no longer stand (2 signatories)",
                        "Due diligence complete (2022-01-10)",
                        "Constitution draft 2 recorded (KM-CONST-2)",
                        "Engagement on constitution draft 3 opened",
                        "Engagement on constitution draft 4 closed",
                        "Constitution draft 5 submitted",
                        "Constitution draft 6 submitted, naming 2 board gaps with plans",
                        "Constitution draft 7 approved",
                        "Constitution draft 8 returned",
                        "2022/23 MoU drafted (KM-MOU-1)",
                        "2022/23 MoU agreed",
                        "Assurance comment 9: Board papers were late",
                        "CCG 91Q NHS Kent and Medway CCG registered in QKS",
                        "Boundary change registered: Bexley fringe moves from QKS to QNX",
                        "Noted the Bill's third reading (2021-12-24)",
                        "Noted the establishment date now in force: 2022-07-01",
                        "Noted Adam Doyle as designate chief executive of QNX",
                        "Noted that QNX has no designate chief executive",
                        "Transfer item T-12 (CON-0042) added for QKS: contract Community services with Kent Community Health, £1,234,567.89 a year",
                        "Transfer item T-13 added for QNX: staff group Finance team (Administrative and clerical), 42 people (38.5 WTE)",
                        "Transfer item T-14 added for QKS: staff group Estates, 3 people (2 WTE)",
                        "Transfer item T-15 added for QKS: asset Oak House, £250,000.00",
                        "Transfer item T-16 (LIA-7) amended, for QNX: liability Lease of Elm Court, £0.99",
                        "Transfer item T-12 withdrawn",
                        "Register register.csv imported (10 rows): 4 added, 3 amended, 2 unchanged, 1 withdrawn; SHA-256 ab12",
                        "Register one.csv imported (1 row): 1 added, 0 amended, 0 unchanged, 0 withdrawn; SHA-256 cd34",
                        "Transfer scheme agreed for QNX by Adam Doyle",
                        "Agreements to the transfer scheme no longer stand (2 parties)",
                        "Transfer scheme agreed by every party (2022-01-10)",
                        "Variation 3 of the agreed transfer scheme recorded",
                        "Transfer effected on 2022-07-01",
                        "CCG abolished on 2022-07-02");
    }

    @Test
    void it_knows_no_event_the_domain_cannot_record() {
        var recorded = EventSamples.events().collect(Collectors.toSet());

        assertThat(recorded).containsAll(narrator.knows());
    }

    @Test
    void an_event_of_a_type_it_does_not_know_still_gets_a_sentence() {
        String sentence = narrator.sentence(
                "SomethingNewHappened", STORED_FORM.createObjectNode(), "Ravi Patel", "AUDITOR", null, null);

        assertThat(sentence).contains("Something new happened").contains("Ravi Patel");
    }

    @Test
    void an_event_whose_stored_form_does_not_read_as_its_type_still_gets_a_sentence() {
        ObjectNode broken = STORED_FORM.createObjectNode().put("itemId", "not an item id");

        String sentence =
                narrator.sentence("TransferItemWithdrawn", broken, "Ravi Patel", "PROGRAMME_MANAGER", "QKS", null);

        assertThat(sentence).isEqualTo("Transfer item withdrawn, by Ravi Patel (QKS programme manager)");
    }

    @Test
    void who_acted_is_named_by_the_capacity_they_acted_in() {
        JsonNode payload = stored(NarrationSamples.events().findFirst().orElseThrow());
        String type = "ApprovalRequested";

        assertThat(narrator.sentence(type, payload, null, "SYSTEM", null, null)).endsWith(", by the service");
        assertThat(narrator.sentence(type, payload, "relay", "SYSTEM", null, null))
                .endsWith(", by the service (relay)");
        assertThat(narrator.sentence(type, payload, "Ann Lee", "REGIONAL_OVERSIGHT", "Y59", null))
                .endsWith(", by Ann Lee (Y59 regional oversight)");
        assertThat(narrator.sentence(type, payload, "Ann Lee", "NATIONAL_PROGRAMME", null, null))
                .endsWith(", by Ann Lee (national programme team)");
        assertThat(narrator.sentence(type, payload, "Ravi Patel", "AUDITOR", null, null))
                .endsWith(", by Ravi Patel (auditor)");
        assertThat(narrator.sentence(
                        type,
                        payload,
                        "Jane Smith",
                        "PROGRAMME_MANAGER",
                        "QKS",
                        "ready",
                        "Sam Jones",
                        "PROGRAMME_MANAGER",
                        "QKS"))
                .endsWith(", by Jane Smith (QKS programme manager), approved by Sam Jones (QKS programme manager):"
                        + " ready");
    }

    /** The event as the store keeps it: its JSON, read back as a tree (so numbers are as PostgreSQL returns them). */
    private static JsonNode stored(Object event) {
        try {
            return STORED_FORM.readTree(STORED_FORM.writeValueAsString(event));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
