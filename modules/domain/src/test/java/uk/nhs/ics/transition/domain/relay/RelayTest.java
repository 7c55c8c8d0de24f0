package uk.nhs.ics.transition.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageHandlerInvocationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.BrokenHistory;
import uk.nhs.ics.transition.domain.IcsScenario;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.NoteCcgEstablishmentDate;
import uk.nhs.ics.transition.messages.ccg.NoteCcgLegislativeMilestone;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.NoteEstablishmentDate;
import uk.nhs.ics.transition.messages.ics.NoteLegislativeMilestone;
import uk.nhs.ics.transition.messages.ics.NoteTransferSchemeAgreed;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;

/**
 * The relays carry facts between aggregates as commands in the system's name, using the real reference data:
 *
 * <ul>
 *   <li>a stage of the Bill goes to all 42 ICSs and all 106 CCGs;
 *   <li>a re-baseline goes to all of them only when it moves the establishment date;
 *   <li>an agreed scheme goes to every ICS the CCG may send items to (its own and a boundary change's destination),
 *       since each of them waits on the schemes of all its predecessors;
 *   <li>a designate chief executive confirmed, or a confirmed one withdrawn, goes to every CCG whose scheme that ICS
 *       may receive from; other roles and candidates never confirmed go nowhere;
 *   <li>every relayed command names the actor {@code system} in the role {@code SYSTEM};
 *   <li>no relay handler runs again in a replay, because each has a side effect.
 * </ul>
 *
 * The handlers are called directly; the gateway sends over a command bus whose handlers only record what arrives.
 */
class RelayTest {

    private static final ReferenceData REFERENCE = ReferenceData.load();

    private static final CcgCode TAMESIDE_AND_GLOSSOP = IcsScenario.TAMESIDE_AND_GLOSSOP_CCG;
    private static final CcgCode DERBY_AND_DERBYSHIRE = IcsScenario.DERBY_AND_DERBYSHIRE_CCG;
    private static final IcsCode GREATER_MANCHESTER = IcsCode.of("QOP");
    private static final IcsCode DERBYSHIRE = IcsScenario.DERBYSHIRE;
    private static final String DERBYSHIRE_CHIEF_EXECUTIVE = "Chris Clayton";

    private static final Baseline DECEMBER_2021 = Programme.JUNE_2021_BASELINE.rebaselined(
            Map.of(Quarter.Q4, LocalDate.of(2022, 6, 30)), LocalDate.of(2022, 7, 1), Map.of());

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    /** A failure the bus answers with, for commands to the aggregate named. */
    private final Map<Object, RuntimeException> failing = new java.util.HashMap<>();

    private LegislationRelay legislation;
    private TransferRelay transfers;
    private BoardRelay board;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> relayed : List.of(
                NoteLegislativeMilestone.class,
                NoteCcgLegislativeMilestone.class,
                NoteEstablishmentDate.class,
                NoteCcgEstablishmentDate.class,
                NoteTransferSchemeAgreed.class,
                NoteReceivingChiefExecutive.class)) {
            bus.subscribe(relayed.getName(), command -> {
                Object payload = command.getPayload();
                if (payload instanceof NoteLegislativeMilestone note && failing.containsKey(note.icsCode())) {
                    throw failing.get(note.icsCode());
                }
                sent.add(command);
                return null;
            });
        }
        DefaultCommandGateway gateway =
                DefaultCommandGateway.builder().commandBus(bus).build();
        legislation = new LegislationRelay(gateway, REFERENCE);
        transfers = new TransferRelay(gateway, REFERENCE);
        board = new BoardRelay(gateway, REFERENCE);
    }

    // ---------------------------------------------------------------- the Bill and the establishment date

    @Test
    void a_stage_of_the_bill_is_relayed_to_every_ics_and_every_ccg_in_the_systems_name() {
        legislation.on(new LegislativeMilestoneRecorded(
                Programme.ID, LegislativeMilestone.SECOND_READING, IcsScenario.SECOND_READING_ON));

        List<NoteLegislativeMilestone> toSystems = sentOf(NoteLegislativeMilestone.class);
        List<NoteCcgLegislativeMilestone> toCcgs = sentOf(NoteCcgLegislativeMilestone.class);
        assertThat(toSystems).hasSize(42);
        assertThat(toCcgs).hasSize(106);
        assertThat(sent).hasSize(42 + 106);
        assertThat(toSystems.stream().map(NoteLegislativeMilestone::icsCode).collect(Collectors.toSet()))
                .isEqualTo(allSystems());
        assertThat(toCcgs.stream().map(NoteCcgLegislativeMilestone::ccgCode).collect(Collectors.toSet()))
                .isEqualTo(allCcgs());
        assertThat(toSystems)
                .allMatch(c -> c.milestone() == LegislativeMilestone.SECOND_READING
                        && c.occurredOn().equals(IcsScenario.SECOND_READING_ON));
        assertThat(toCcgs)
                .allMatch(c -> c.milestone() == LegislativeMilestone.SECOND_READING
                        && c.occurredOn().equals(IcsScenario.SECOND_READING_ON));
        assertEverythingSentInTheSystemsName();
    }

    @Test
    void a_target_whose_history_cannot_be_replayed_is_passed_over_and_every_other_gets_the_fact() {
        failing.put(
                IcsCode.of("QKS"),
                new MessageHandlerInvocationException(
                        "Error handling event", new BrokenHistory("QKS", 7, "no live item T-3", null)));

        legislation.on(new LegislativeMilestoneRecorded(
                Programme.ID, LegislativeMilestone.SECOND_READING, IcsScenario.SECOND_READING_ON));

        assertThat(sentOf(NoteLegislativeMilestone.class)).hasSize(41);
        assertThat(sentOf(NoteCcgLegislativeMilestone.class)).hasSize(106);
    }

    @Test
    void any_other_failure_stops_the_relay_so_that_it_retries_the_fact() {
        failing.put(IcsCode.of("QKS"), new IllegalStateException("the database is unreachable"));

        assertThatThrownBy(() -> legislation.on(new LegislativeMilestoneRecorded(
                        Programme.ID, LegislativeMilestone.SECOND_READING, IcsScenario.SECOND_READING_ON)))
                .hasMessageContaining("unreachable");
    }

    @Test
    void a_rebaseline_that_moves_the_establishment_date_is_relayed_to_every_ics_and_every_ccg() {
        legislation.on(new ProgrammeRebaselined(
                Programme.ID,
                1,
                LocalDate.of(2021, 12, 24),
                DECEMBER_2021,
                LocalDate.of(2022, 4, 1),
                "Target establishment date moved to allow for the remaining parliamentary stages"));

        List<NoteEstablishmentDate> toSystems = sentOf(NoteEstablishmentDate.class);
        List<NoteCcgEstablishmentDate> toCcgs = sentOf(NoteCcgEstablishmentDate.class);
        assertThat(toSystems).hasSize(42);
        assertThat(toCcgs).hasSize(106);
        assertThat(sent).hasSize(42 + 106);
        assertThat(toSystems.stream().map(NoteEstablishmentDate::icsCode).collect(Collectors.toSet()))
                .isEqualTo(allSystems());
        assertThat(toCcgs.stream().map(NoteCcgEstablishmentDate::ccgCode).collect(Collectors.toSet()))
                .isEqualTo(allCcgs());
        assertThat(toSystems).allMatch(c -> c.establishmentDate().equals(LocalDate.of(2022, 7, 1)));
        assertThat(toCcgs).allMatch(c -> c.establishmentDate().equals(LocalDate.of(2022, 7, 1)));
        assertEverythingSentInTheSystemsName();
    }

    @Test
    void a_rebaseline_that_keeps_the_establishment_date_is_not_relayed() {
        Baseline systemsReadyEarlier = DECEMBER_2021.rebaselined(
                Map.of(), null, Map.of(MilestoneCode.Q4_SYSTEMS_READY, LocalDate.of(2022, 6, 15)));

        legislation.on(new ProgrammeRebaselined(
                Programme.ID,
                2,
                LocalDate.of(2022, 2, 14),
                systemsReadyEarlier,
                LocalDate.of(2022, 7, 1),
                "Systems readiness checkpoint set ahead of the quarter end"));

        assertThat(sent).isEmpty();
    }

    // ---------------------------------------------------------------- transfer schemes

    @Test
    void an_agreed_scheme_of_tameside_and_glossop_is_relayed_to_greater_manchester_and_derbyshire() {
        transfers.on(new TransferSchemeAgreed(
                TAMESIDE_AND_GLOSSOP, List.of(DERBYSHIRE, GREATER_MANCHESTER), LocalDate.of(2022, 3, 1)));

        assertThat(payloads())
                .containsExactlyInAnyOrder(
                        new NoteTransferSchemeAgreed(
                                GREATER_MANCHESTER, TAMESIDE_AND_GLOSSOP, LocalDate.of(2022, 3, 1)),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, TAMESIDE_AND_GLOSSOP, LocalDate.of(2022, 3, 1)));
        assertEverythingSentInTheSystemsName();
    }

    @Test
    void an_agreed_scheme_is_relayed_to_every_ics_it_may_send_to_even_one_that_receives_nothing_from_it() {
        transfers.on(
                new TransferSchemeAgreed(TAMESIDE_AND_GLOSSOP, List.of(GREATER_MANCHESTER), LocalDate.of(2022, 3, 1)));

        assertThat(payloads())
                .containsExactlyInAnyOrder(
                        new NoteTransferSchemeAgreed(
                                GREATER_MANCHESTER, TAMESIDE_AND_GLOSSOP, LocalDate.of(2022, 3, 1)),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, TAMESIDE_AND_GLOSSOP, LocalDate.of(2022, 3, 1)));
    }

    @Test
    void an_agreed_scheme_of_kent_and_medway_is_relayed_to_kent_and_medway_alone() {
        transfers.on(new TransferSchemeAgreed(
                IcsScenario.KENT_AND_MEDWAY_CCG, List.of(IcsScenario.KENT_AND_MEDWAY), LocalDate.of(2022, 3, 1)));

        assertThat(payloads())
                .containsExactly(new NoteTransferSchemeAgreed(
                        IcsScenario.KENT_AND_MEDWAY, IcsScenario.KENT_AND_MEDWAY_CCG, LocalDate.of(2022, 3, 1)));
    }

    // ---------------------------------------------------------------- designate chief executives

    @Test
    void a_designate_chief_executive_of_derbyshire_is_relayed_to_both_ccgs_whose_items_derbyshire_may_receive() {
        board.on(new DesignateAppointmentConfirmed(
                DERBYSHIRE, IcsScenario.CHIEF_EXECUTIVE, DERBYSHIRE_CHIEF_EXECUTIVE, LocalDate.of(2021, 11, 1)));

        assertThat(payloads())
                .containsExactlyInAnyOrder(
                        new NoteReceivingChiefExecutive(TAMESIDE_AND_GLOSSOP, DERBYSHIRE, DERBYSHIRE_CHIEF_EXECUTIVE),
                        new NoteReceivingChiefExecutive(DERBY_AND_DERBYSHIRE, DERBYSHIRE, DERBYSHIRE_CHIEF_EXECUTIVE));
        assertEverythingSentInTheSystemsName();
    }

    @Test
    void a_designate_finance_director_is_not_relayed() {
        board.on(new DesignateAppointmentConfirmed(
                DERBYSHIRE, IcsScenario.FINANCE_DIRECTOR, "Finance Director", LocalDate.of(2022, 1, 10)));

        assertThat(sent).isEmpty();
    }

    @Test
    void a_designate_chief_executive_withdrawing_is_relayed_as_no_chief_executive() {
        board.on(new CandidateWithdrawn(
                DERBYSHIRE,
                IcsScenario.CHIEF_EXECUTIVE,
                DERBYSHIRE_CHIEF_EXECUTIVE,
                AppointmentStatus.DESIGNATE_CONFIRMED,
                "Withdrew for personal reasons"));

        assertThat(payloads())
                .containsExactlyInAnyOrder(
                        new NoteReceivingChiefExecutive(TAMESIDE_AND_GLOSSOP, DERBYSHIRE, null),
                        new NoteReceivingChiefExecutive(DERBY_AND_DERBYSHIRE, DERBYSHIRE, null));
        assertEverythingSentInTheSystemsName();
    }

    @Test
    void a_chief_executive_candidate_never_confirmed_withdrawing_is_not_relayed() {
        board.on(new CandidateWithdrawn(
                DERBYSHIRE,
                IcsScenario.CHIEF_EXECUTIVE,
                "Preferred Candidate",
                AppointmentStatus.PREFERRED_CANDIDATE,
                "Withdrew before confirmation"));

        assertThat(sent).isEmpty();
    }

    @Test
    void a_designate_of_another_role_withdrawing_is_not_relayed() {
        board.on(new CandidateWithdrawn(
                DERBYSHIRE,
                IcsScenario.FINANCE_DIRECTOR,
                "Finance Director",
                AppointmentStatus.DESIGNATE_CONFIRMED,
                "Appointed elsewhere"));

        assertThat(sent).isEmpty();
    }

    // ---------------------------------------------------------------- replays

    @Test
    void no_relay_event_handler_runs_again_in_a_replay() {
        for (Class<?> relay : List.of(LegislationRelay.class, TransferRelay.class, BoardRelay.class)) {
            List<Method> handlers = new ArrayList<>();
            for (Method method : relay.getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventHandler.class)) {
                    handlers.add(method);
                }
            }
            assertThat(handlers)
                    .as("event handlers of %s", relay.getSimpleName())
                    .isNotEmpty()
                    .allSatisfy(handler -> assertThat(handler.isAnnotationPresent(DisallowReplay.class))
                            .as(
                                    "%s.%s(%s) is @DisallowReplay",
                                    relay.getSimpleName(),
                                    handler.getName(),
                                    handler.getParameterTypes()[0].getSimpleName())
                            .isTrue());
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<Object> payloads() {
        return sent.stream().map(CommandMessage::getPayload).collect(Collectors.toList());
    }

    private <T> List<T> sentOf(Class<T> type) {
        return sent.stream()
                .map(CommandMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private void assertEverythingSentInTheSystemsName() {
        assertThat(sent).isNotEmpty().allSatisfy(command -> {
            assertThat(command.getMetaData()).containsEntry(MetadataKeys.ACTOR, "system");
            assertThat(command.getMetaData()).containsEntry(MetadataKeys.ACTOR_ROLE, "SYSTEM");
        });
    }

    private static Set<IcsCode> allSystems() {
        return REFERENCE.systems().stream().map(ReferenceData.Ics::code).collect(Collectors.toSet());
    }

    private static Set<CcgCode> allCcgs() {
        return REFERENCE.ccgs().stream().map(ReferenceData.Ccg::code).collect(Collectors.toSet());
    }
}
