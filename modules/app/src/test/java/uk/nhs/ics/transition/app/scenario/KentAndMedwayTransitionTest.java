package uk.nhs.ics.transition.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.nhs.ics.transition.domain.IcsScenario.CHAIR;
import static uk.nhs.ics.transition.domain.IcsScenario.CHIEF_EXECUTIVE;
import static uk.nhs.ics.transition.domain.IcsScenario.DIRECTOR_OF_NURSING;
import static uk.nhs.ics.transition.domain.IcsScenario.FINANCE_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.LOCAL_AUTHORITY_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.MEDICAL_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_1;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_2;
import static uk.nhs.ics.transition.domain.IcsScenario.PRIMARY_CARE_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.TRUST_PARTNER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.ccg.AbolishCcg;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.EffectTransferScheme;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneKind;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.AgreeMou;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.AssessDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.CompleteMilestone;
import uk.nhs.ics.transition.messages.ics.ConfirmDesignateAppointment;
import uk.nhs.ics.transition.messages.ics.DraftMou;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.MakeAppointmentSubstantive;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.RaiseDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.messages.ics.StartMilestone;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;
import uk.nhs.ics.transition.messages.programme.Rebaseline;
import uk.nhs.ics.transition.messages.programme.RecordLegislativeMilestone;

/**
 * Kent and Medway (QKS) from its first Q1 milestone to the establishment of NHS Kent and Medway Integrated Care
 * Board on 2022-07-01, including the December 2021 re-baseline, through the command gateway against the real event
 * store. The national programme and the relays between aggregates run for real, so this context has a programme of
 * its own (a database of its own): its legislative history must start empty.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"ics.database.durable=false", "ics.security.dev-tokens=true"})
@Import(KentAndMedwayTransitionTest.Clock.class)
class KentAndMedwayTransitionTest {

    private static final Path DATA_DIR = freshDataDirectory();

    private static final Map<String, String> PROGRAMME_MANAGER = Map.of(
            MetadataKeys.ACTOR, "km-pm",
            MetadataKeys.ACTOR_NAME, "Kent and Medway programme manager",
            MetadataKeys.ACTOR_ROLE, "PROGRAMME_MANAGER",
            MetadataKeys.ACTOR_SCOPE, "QKS");
    private static final Map<String, String> NATIONAL_TEAM = Map.of(
            MetadataKeys.ACTOR, "national-pmo",
            MetadataKeys.ACTOR_NAME, "National programme team",
            MetadataKeys.ACTOR_ROLE, "NATIONAL_PROGRAMME");
    private static final Map<String, String> REGIONAL_TEAM = Map.of(
            MetadataKeys.ACTOR, "se-oversight",
            MetadataKeys.ACTOR_NAME, "South East regional team",
            MetadataKeys.ACTOR_ROLE, "REGIONAL_OVERSIGHT",
            MetadataKeys.ACTOR_SCOPE, "Y59");

    @Autowired
    CommandGateway commands;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("ics.data-dir", DATA_DIR::toString);
    }

    @Test
    void kent_and_medway_is_taken_from_q1_to_establishment_on_1_july_2022() {
        // ---- Q1 (to 2021-06-30): preparation
        on(2021, 6, 24);
        complete(MilestoneCode.Q1_SDP_UPDATED, "KM SDP v3, ICS Partnership Board 2021-06-17");
        complete(MilestoneCode.Q1_TRANSITION_PLAN, "People transition plan, ICS Board 2021-06-24");

        // ---- the Bill is introduced and has its second reading (national team)
        on(2021, 7, 6);
        national(new RecordLegislativeMilestone(
                Programme.ID, LegislativeMilestone.INTRODUCED, LocalDate.of(2021, 7, 6), null));
        on(2021, 7, 14);
        national(new RecordLegislativeMilestone(
                Programme.ID, LegislativeMilestone.SECOND_READING, LocalDate.of(2021, 7, 14), null));
        awaitEvent("the second reading relayed to QKS", "QKS", "IcsLegislativeMilestoneNoted", "SECOND_READING");

        // ---- Q2 (to 2021-09-30): chair and chief executive, MoU drafted, due diligence planning
        on(2021, 8, 2);
        pm(new StartRecruitment(KENT_AND_MEDWAY, CHAIR, CHAIR.role().process(), null));
        pm(new StartRecruitment(
                KENT_AND_MEDWAY, CHIEF_EXECUTIVE, CHIEF_EXECUTIVE.role().process(), null));
        on(2021, 9, 6);
        appoint(CHAIR, "Cedi Frederick", false);
        appoint(CHIEF_EXECUTIVE, "Paul Bentley", false);
        complete(MilestoneCode.Q2_LEADERS_SUPPORTED, "Consultation record with current leaders");
        complete(MilestoneCode.Q2_MOU_DRAFTED, "Draft MoU 2022/23 v0.4");
        complete(MilestoneCode.Q2_SUB_ICS_PLAN, "Place-based working plan, four HCPs");
        pm(new StartDueDiligencePlanning(KENT_AND_MEDWAY, null));

        // ---- Q3 (to 2021-12-31): executives, shadow form, constitution engagement
        on(2021, 11, 1);
        recruitAndAppoint(FINANCE_DIRECTOR, "Finance Director", false);
        recruitAndAppoint(MEDICAL_DIRECTOR, "Medical Director", true);
        recruitAndAppoint(DIRECTOR_OF_NURSING, "Director of Nursing", false);
        pm(new RecordConstitutionDraft(KENT_AND_MEDWAY, "KM-ICB-CONSTITUTION-v1", "Model constitution, adapted", null));
        pm(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null));
        on(2021, 11, 23);
        national(new RecordLegislativeMilestone(
                Programme.ID, LegislativeMilestone.THIRD_READING, LocalDate.of(2021, 11, 23), null));
        on(2021, 12, 10);
        pm(new CloseConstitutionEngagement(KENT_AND_MEDWAY, null));
        complete(MilestoneCode.Q3_IMPACTED_SUPPORTED, "Impacted staff consultation closed");
        complete(MilestoneCode.Q3_SHADOW_READY, "Shadow ICB board first meeting 2021-12-09");

        // ---- 2021-12-24: establishment moves from 2022-04-01 to 2022-07-01 (the Bill is still in Parliament)
        on(2021, 12, 24);
        CommandOutcome rebaseline = national(new Rebaseline(
                Programme.ID,
                LocalDate.of(2021, 12, 24),
                LocalDate.of(2022, 7, 1),
                Map.of(Quarter.Q4, LocalDate.of(2022, 6, 30)),
                Map.of(),
                "Remaining parliamentary stages of the Health and Care Bill",
                null));
        assertThat(rebaseline.version()).isPositive();
        awaitEvent("the new establishment date relayed to QKS", "QKS", "IcsEstablishmentDateNoted", "2022-07-01");
        awaitEvent("the new establishment date relayed to 91Q", "91Q", "CcgEstablishmentDateNoted", "2022-07-01");

        // ---- Q4 (now to 2022-06-30): the rest of the board, due diligence, transfers, constitution, MoU
        on(2022, 2, 1);
        recruitAndAppoint(NED_1, "Independent Member One", false);
        recruitAndAppoint(NED_2, "Independent Member Two", false);
        recruitAndAppoint(TRUST_PARTNER, "Trust Partner", false);
        recruitAndAppoint(PRIMARY_CARE_PARTNER, "Primary Care Partner", false);
        recruitAndAppoint(LOCAL_AUTHORITY_PARTNER, "Local Authority Partner", false);

        int item = 0;
        for (DueDiligenceArea area : DueDiligenceArea.values()) {
            String id = pm(new RaiseDueDiligenceItem(KENT_AND_MEDWAY, area, area.description(), null))
                    .createdId();
            assertThat(id).isEqualTo(DueDiligenceItemId.number(++item).value());
            if (area == DueDiligenceArea.CLAIMS) {
                pm(new AssessDueDiligenceItem(
                        KENT_AND_MEDWAY,
                        DueDiligenceItemId.of(id),
                        AssessmentOutcome.ISSUE,
                        RiskRating.HIGH,
                        "Continuing healthcare liabilities underwritten by NHSE risk pool",
                        null));
            } else {
                pm(new AssessDueDiligenceItem(
                        KENT_AND_MEDWAY, DueDiligenceItemId.of(id), AssessmentOutcome.ASSURED, null, null, null));
            }
        }
        on(2022, 3, 4);
        pm(new SignOffDueDiligence(
                KENT_AND_MEDWAY,
                "Accountable officer, NHS Kent and Medway CCG",
                SignOffCapacity.CCG_ACCOUNTABLE_OFFICER,
                KENT_AND_MEDWAY_CCG,
                null));
        pm(new SignOffDueDiligence(
                KENT_AND_MEDWAY, "Paul Bentley", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null, null));

        pm(new AddTransferItem(
                KENT_AND_MEDWAY_CCG,
                new TransferItemDetails.Staff("CCG commissioning directorate", 412, Wte.of(new BigDecimal("389.60"))),
                null,
                null));
        pm(new AddTransferItem(
                KENT_AND_MEDWAY_CCG,
                new TransferItemDetails.Asset("Office equipment and IT", Money.pence(48_512_300)),
                null,
                null));
        pm(new AddTransferItem(
                KENT_AND_MEDWAY_CCG,
                new TransferItemDetails.Liability("Continuing healthcare claims", Money.pence(112_000_000)),
                null,
                null));
        pm(new AddTransferItem(
                KENT_AND_MEDWAY_CCG,
                new TransferItemDetails.Contract(
                        "Community services",
                        "Kent Community Health NHS Foundation Trust",
                        Money.pence(23_100_000_000L),
                        LocalDate.of(2024, 3, 31),
                        true),
                null,
                null));
        awaitEvent(
                "the designate chief executive relayed to 91Q", "91Q", "ReceivingChiefExecutiveNoted", "Paul Bentley");
        pm(new AgreeTransferScheme(KENT_AND_MEDWAY_CCG, SchemeParty.CCG, "Accountable officer, 91Q", null));
        pm(new AgreeTransferScheme(KENT_AND_MEDWAY_CCG, SchemeParty.ics(KENT_AND_MEDWAY), "Paul Bentley", null));
        awaitEvent("the agreed scheme relayed to QKS", "QKS", "TransferSchemeAgreementNoted", "91Q");

        pm(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null));
        regional(new ApproveConstitution(KENT_AND_MEDWAY, "Approved for submission to NHSE", null));
        pm(new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null));
        regional(new AgreeMou(KENT_AND_MEDWAY, null));
        on(2022, 5, 20);
        for (MilestoneCode milestone : List.of(
                MilestoneCode.Q4_AFFECTED_SUPPORTED,
                MilestoneCode.Q4_UNION_CONSULTATION,
                MilestoneCode.Q4_DIRECT_COMMISSIONING,
                MilestoneCode.Q4_SYSTEMS_READY)) {
            complete(milestone, milestone.title() + ": evidence pack");
        }
        for (MilestoneCode milestone : MilestoneCode.values()) {
            if (milestone.quarter() == Quarter.EST) {
                complete(milestone, milestone.title() + ": board approval");
            }
        }

        // ---- Royal Assent on 2022-04-28; still nothing can be effected before the establishment date
        on(2022, 4, 28);
        national(new RecordLegislativeMilestone(
                Programme.ID, LegislativeMilestone.ROYAL_ASSENT, LocalDate.of(2022, 4, 28), null));
        awaitEvent("Royal Assent relayed to 91Q", "91Q", "CcgLegislativeMilestoneNoted", "ROYAL_ASSENT");
        awaitEvent("Royal Assent relayed to QKS", "QKS", "IcsLegislativeMilestoneNoted", "ROYAL_ASSENT");
        on(2022, 6, 30);
        assertThatThrownBy(() -> pm(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEGISLATIVE_GATE_CLOSED));
        assertThatThrownBy(() -> pm(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEGISLATIVE_GATE_CLOSED));

        // ---- 2022-07-01: establishment
        on(2022, 7, 1);
        pm(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null));
        pm(new AbolishCcg(KENT_AND_MEDWAY_CCG, null));
        for (BoardSeat seat : List.of(
                CHAIR,
                CHIEF_EXECUTIVE,
                FINANCE_DIRECTOR,
                MEDICAL_DIRECTOR,
                DIRECTOR_OF_NURSING,
                NED_1,
                NED_2,
                TRUST_PARTNER,
                PRIMARY_CARE_PARTNER,
                LOCAL_AUTHORITY_PARTNER)) {
            pm(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, seat, null));
        }

        // every milestone of the plan is complete: manual ones by hand, derived ones by their facts
        Map<String, String> lastMilestoneEvent = lastMilestoneEventByCode("QKS");
        assertThat(lastMilestoneEvent).hasSize(MilestoneCode.values().length);
        assertThat(lastMilestoneEvent.values()).allMatch(type -> type.equals("MilestoneCompleted"));
        assertThat(count("QKS", "MilestoneCompleted", "\"derived\":true"))
                .isEqualTo(java.util.Arrays.stream(MilestoneCode.values())
                        .filter(m -> m.kind() == MilestoneKind.DERIVED)
                        .count());
        assertThat(count("91Q", "TransferSchemeEffected", "2022-07-01")).isEqualTo(1);
        assertThat(count("91Q", "CcgAbolished", "2022-07-01")).isEqualTo(1);
        assertThat(count("QKS", "AppointmentMadeSubstantive", "2022-07-01")).isEqualTo(10);
        assertThat(count("ENGLAND", "ProgrammeRebaselined", "\"previousEstablishmentDate\":\"2022-04-01\""))
                .isEqualTo(1);
        // the people and roles of the audit trail travelled with every change
        assertThat(count("QKS", "DesignateAppointmentConfirmed", "Paul Bentley"))
                .isEqualTo(1);
        assertThat(metadataOf("QKS", "DesignateAppointmentConfirmed", "Paul Bentley"))
                .contains("\"actor\":\"km-pm\"", "\"actorRole\":\"PROGRAMME_MANAGER\"", "\"causationId\"");
        assertThat(metadataOf("QKS", "IcsEstablishmentDateNoted", "2022-07-01"))
                .contains("\"actor\":\"system\"", "\"reason\":\"Remaining parliamentary stages");
        // a relayed fact names the system as actor and, as its cause, the stored event it relays
        String chiefExecutive = jdbc.sql("""
                        SELECT event_identifier FROM domain_event_entry
                         WHERE aggregate_identifier = 'QKS' AND payload_type LIKE '%.DesignateAppointmentConfirmed'
                           AND position('CHIEF_EXECUTIVE' IN convert_from(payload, 'UTF8')) > 0""").query(String.class).single();
        assertThat(metadataOf("91Q", "ReceivingChiefExecutiveNoted", "Paul Bentley"))
                .contains(
                        "\"actor\":\"system\"",
                        "\"actorRole\":\"SYSTEM\"",
                        "\"causationId\":\"" + chiefExecutive + "\"");
    }

    // ---------------------------------------------------------------- steps

    private void on(int year, int month, int day) {
        clock.setToday(LocalDate.of(year, month, day));
    }

    private void complete(MilestoneCode milestone, String evidence) {
        pm(new StartMilestone(KENT_AND_MEDWAY, milestone, null));
        pm(new CompleteMilestone(
                KENT_AND_MEDWAY,
                milestone,
                clock.today(),
                List.of(new Evidence("KM-" + milestone.code(), evidence)),
                null));
    }

    private void appoint(BoardSeat seat, String person, boolean mentalHealthExpertise) {
        pm(new NamePreferredCandidate(KENT_AND_MEDWAY, seat, person, List.of(), mentalHealthExpertise, null));
        pm(new ConfirmDesignateAppointment(KENT_AND_MEDWAY, seat, null));
    }

    private void recruitAndAppoint(BoardSeat seat, String person, boolean mentalHealthExpertise) {
        pm(new StartRecruitment(KENT_AND_MEDWAY, seat, seat.role().process(), null));
        appoint(seat, person, mentalHealthExpertise);
    }

    private CommandOutcome pm(Object command) {
        return send(command, PROGRAMME_MANAGER);
    }

    private CommandOutcome national(Object command) {
        return send(command, NATIONAL_TEAM);
    }

    private CommandOutcome regional(Object command) {
        return send(command, REGIONAL_TEAM);
    }

    private CommandOutcome send(Object command, Map<String, String> actor) {
        return commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }

    // ---------------------------------------------------------------- reading the event store

    private void awaitEvent(String what, String aggregate, String type, String containing) {
        eventually(what, () -> count(aggregate, type, containing) > 0);
    }

    private long count(String aggregate, String type, String containing) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE aggregate_identifier = :aggregate
                           AND payload_type LIKE '%.' || :type
                           AND position(:containing IN convert_from(payload, 'UTF8')) > 0""")
                .param("aggregate", aggregate)
                .param("type", type)
                .param("containing", containing)
                .query(Long.class)
                .single();
    }

    private String metadataOf(String aggregate, String type, String containing) {
        return jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                         WHERE aggregate_identifier = :aggregate
                           AND payload_type LIKE '%.' || :type
                           AND position(:containing IN convert_from(payload, 'UTF8')) > 0
                         ORDER BY global_index LIMIT 1""")
                .param("aggregate", aggregate)
                .param("type", type)
                .param("containing", containing)
                .query(String.class)
                .single();
    }

    private Map<String, String> lastMilestoneEventByCode(String ics) {
        Map<String, String> last = new TreeMap<>();
        jdbc.sql("""
                        SELECT regexp_replace(payload_type, '^.*\\.', ''),
                               convert_from(payload, 'UTF8')::jsonb ->> 'milestone'
                          FROM domain_event_entry
                         WHERE aggregate_identifier = :ics AND payload_type LIKE '%.Milestone%'
                         ORDER BY sequence_number""")
                .param("ics", ics)
                .query((rs, n) -> Map.entry(rs.getString(2), rs.getString(1)))
                .list()
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }

    private static void eventually(String what, BooleanSupplier condition) {
        await(what)
                .atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private static Path freshDataDirectory() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "scenario-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Programme.START);
        }
    }
}
