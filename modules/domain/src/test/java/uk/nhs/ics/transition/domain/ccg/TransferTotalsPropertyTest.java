package uk.nhs.ics.transition.domain.ccg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import uk.nhs.ics.transition.domain.IcsScenario;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.AmendTransferItem;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.ccg.RegisterBoundaryChange;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferTotals;
import uk.nhs.ics.transition.messages.ccg.VaryTransferScheme;
import uk.nhs.ics.transition.messages.ccg.WithdrawTransferItem;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * The totals a transfer scheme keeps per receiving ICS always equal the sum of its live items, whatever happens to
 * them: over random sequences of items added, amended and withdrawn in the draft (with agreements given and reset on
 * the way), the agreement of every party, and then variations that add, amend and withdraw, on Tameside and Glossop
 * CCG (01Y) sending to Greater Manchester (QOP) and, for Glossop, Derbyshire (QJ2).
 *
 * <p>The real aggregate is driven through Axon (an in-memory event store, a fresh one per try) and loaded after every
 * single step. Each time, its live items must be exactly those a simple model says are live, in the order added; its
 * totals must equal those live items summed with {@link TransferTotals}; and they must equal the same items summed
 * with plain arithmetic on pence, heads and hundredths of a WTE, so that an error in the summing itself shows too.
 */
class TransferTotalsPropertyTest {

    private static final CcgCode TAMESIDE_AND_GLOSSOP = IcsScenario.TAMESIDE_AND_GLOSSOP_CCG;
    private static final IcsCode GREATER_MANCHESTER = IcsCode.of("QOP");
    private static final IcsCode DERBYSHIRE = IcsScenario.DERBYSHIRE;

    private final MutableClock clock = new MutableClock(LocalDate.of(2022, 3, 1));
    private Configuration axon;

    @BeforeContainer
    static void quietAxon() {
        System.setProperty("disable-axoniq-console-message", "true");
    }

    @BeforeTry
    void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(CcgTransfer.class)
                .registerComponent(Clock.class, c -> clock)
                .buildConfiguration();
        axon.start();
    }

    @AfterTry
    void stopAxon() {
        axon.shutdown();
    }

    @Property(tries = 200)
    void the_totals_per_receiving_ics_always_equal_the_sum_of_the_live_items(
            @ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 0, max = 100) int agreedAtPercent) {
        Model model = new Model();
        send(new RegisterCcg(
                TAMESIDE_AND_GLOSSOP,
                "NHS Tameside and Glossop CCG",
                GREATER_MANCHESTER,
                "E38000182",
                Programme.JUNE_2021_BASELINE.establishmentDate()));
        send(new RegisterBoundaryChange(
                TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER, DERBYSHIRE, "Glossop", 21, IcsScenario.ESTABLISHED_ON));
        send(new NoteReceivingChiefExecutive(
                TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER, "Designate chief executive QOP"));
        send(new NoteReceivingChiefExecutive(TAMESIDE_AND_GLOSSOP, DERBYSHIRE, "Designate chief executive QJ2"));
        check(model, "registered");

        int agreementPoint = actions.size() * agreedAtPercent / 100;
        for (int i = 0; i < agreementPoint; i++) {
            perform(actions.get(i), model, "draft step " + (i + 1) + " " + actions.get(i));
        }
        agreeEveryParty(model);
        for (int i = agreementPoint; i < actions.size(); i++) {
            perform(actions.get(i), model, "variation step " + (i + 1) + " " + actions.get(i));
        }

        Statistics.label("steps checked")
                .collect(model.checks < 10 ? "under 10" : model.checks < 25 ? "10 to 24" : "25+");
        Statistics.label("variations").collect(model.variations > 0 ? "some" : "none");
        Statistics.label("agreements reset").collect(model.resets > 0 ? "some" : "none");
        Statistics.label("items sent to Derbyshire").collect(model.toDerbyshire > 0 ? "some" : "none");
        Statistics.label("variations")
                .coverage(coverage -> coverage.check("some").percentage(p -> p >= 50));
        Statistics.label("items sent to Derbyshire")
                .coverage(coverage -> coverage.check("some").percentage(p -> p >= 50));
    }

    // ---------------------------------------------------------------- driving the aggregate and the model together

    private void perform(Action action, Model model, String step) {
        boolean draft = model.status == SchemeStatus.DRAFT;
        if (action instanceof PartialAgreement partial) {
            if (!draft) {
                return;
            }
            List<SchemeParty> waiting = new ArrayList<>(model.parties());
            waiting.removeAll(model.agreed);
            if (model.live.isEmpty() || waiting.size() < 2) {
                return;
            }
            SchemeParty party = waiting.get(partial.pick() % waiting.size());
            send(new AgreeTransferScheme(TAMESIDE_AND_GLOSSOP, party, "Signatory for " + party, null));
            model.agreed.add(party);
        } else if (action instanceof Withdraw withdraw) {
            if (model.live.isEmpty()) {
                return;
            }
            TransferItemId item = model.pick(withdraw.pick());
            send(
                    draft
                            ? new WithdrawTransferItem(TAMESIDE_AND_GLOSSOP, item, "Withdrawn in " + step, null)
                            : new VaryTransferScheme(TAMESIDE_AND_GLOSSOP, "Varied: " + step, item, null, null, null));
            model.live.remove(item);
            model.changed(draft);
        } else if (action instanceof Amend amend) {
            if (model.live.isEmpty()) {
                add(model, amend.receiver(), amend.details(), draft, step);
            } else {
                TransferItemId item = model.pick(amend.pick());
                IcsCode named = amend.receiver().named();
                send(
                        draft
                                ? new AmendTransferItem(TAMESIDE_AND_GLOSSOP, item, amend.details(), named, null)
                                : new VaryTransferScheme(
                                        TAMESIDE_AND_GLOSSOP, "Varied: " + step, item, amend.details(), named, null));
                model.put(item, new CcgTransfer.Item(amend.receiver().receiving(), amend.details(), null));
                model.changed(draft);
            }
        } else {
            Add add = (Add) action;
            add(model, add.receiver(), add.details(), draft, step);
        }
        check(model, step);
    }

    private void add(Model model, Receiver receiver, TransferItemDetails details, boolean draft, String step) {
        TransferItemId expected = TransferItemId.number(model.lastNumber + 1);
        Object outcome = send(
                draft
                        ? new AddTransferItem(TAMESIDE_AND_GLOSSOP, details, receiver.named(), null)
                        : new VaryTransferScheme(
                                TAMESIDE_AND_GLOSSOP, "Varied: " + step, null, details, receiver.named(), null));
        assertThat(outcome)
                .as("the add answers with the new item's number, at %s", step)
                .isInstanceOfSatisfying(
                        CommandOutcome.class, o -> assertThat(o.createdId()).isEqualTo(expected.value()));
        model.lastNumber++;
        model.put(expected, new CcgTransfer.Item(receiver.receiving(), details, null));
        model.changed(draft);
    }

    /** Every party that has not yet agreed agrees, the CCG first; an empty scheme first gets one item. */
    private void agreeEveryParty(Model model) {
        if (model.live.isEmpty()) {
            add(
                    model,
                    Receiver.OWN_ICS,
                    new TransferItemDetails.Asset("Office equipment", Money.pence(0)),
                    true,
                    "an item so that there is something to agree");
            check(model, "an item added so that there is something to agree");
        }
        List<SchemeParty> waiting = new ArrayList<>(model.parties());
        waiting.removeAll(model.agreed);
        for (SchemeParty party : waiting) {
            send(new AgreeTransferScheme(TAMESIDE_AND_GLOSSOP, party, "Signatory for " + party, null));
            model.agreed.add(party);
            if (model.agreed.containsAll(model.parties())) {
                model.status = SchemeStatus.AGREED;
            }
            check(model, "agreed by " + party);
        }
        assertThat(model.status).isEqualTo(SchemeStatus.AGREED);
    }

    private Object send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }

    /** Loads the aggregate as the repository has it now and compares it with the model. */
    private void check(Model model, String step) {
        model.checks++;
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            axon.repository(CcgTransfer.class)
                    .load(TAMESIDE_AND_GLOSSOP.value())
                    .execute(scheme -> {
                        List<CcgTransfer.Item> live = scheme.liveItems();
                        Map<IcsCode, TransferTotals> totals = scheme.totals();
                        assertThat(live).as("live items after %s", step).containsExactlyElementsOf(model.live.values());
                        assertThat(totals)
                                .as("totals after %s, against the live items summed with TransferTotals", step)
                                .isEqualTo(summedWithTransferTotals(live));
                        assertThat(totals)
                                .as("totals after %s, against the model summed by hand", step)
                                .isEqualTo(summedByHand(model.live.values()));
                        assertThat(scheme.status()).as("status after %s", step).isEqualTo(model.status);
                    });
        } finally {
            unitOfWork.rollback();
        }
    }

    private static Map<IcsCode, TransferTotals> summedWithTransferTotals(List<CcgTransfer.Item> items) {
        Map<IcsCode, TransferTotals> totals = new TreeMap<>();
        for (CcgTransfer.Item item : items) {
            totals.put(
                    item.receivingIcs(),
                    totals.getOrDefault(item.receivingIcs(), TransferTotals.NONE)
                            .plus(item.details()));
        }
        return totals;
    }

    private static Map<IcsCode, TransferTotals> summedByHand(Iterable<CcgTransfer.Item> items) {
        Map<IcsCode, long[]> sums = new TreeMap<>();
        for (CcgTransfer.Item item : items) {
            long[] sum = sums.computeIfAbsent(item.receivingIcs(), ics -> new long[6]);
            TransferItemDetails details = item.details();
            if (details instanceof TransferItemDetails.Asset asset) {
                sum[0] += asset.value().pence();
            } else if (details instanceof TransferItemDetails.Liability liability) {
                sum[1] += liability.value().pence();
            } else if (details instanceof TransferItemDetails.Contract contract) {
                sum[2] += 1;
                sum[3] += contract.annualValue().pence();
            } else if (details instanceof TransferItemDetails.Staff staff) {
                sum[4] += staff.headcount();
                sum[5] += staff.wte().hundredths();
            }
        }
        Map<IcsCode, TransferTotals> totals = new TreeMap<>();
        sums.forEach((ics, sum) -> totals.put(
                ics,
                new TransferTotals(
                        Money.pence(sum[0]),
                        Money.pence(sum[1]),
                        Math.toIntExact(sum[2]),
                        Money.pence(sum[3]),
                        Math.toIntExact(sum[4]),
                        new Wte(sum[5]))));
        return totals;
    }

    /** What should be live, in the order added, who has agreed, and the status the scheme should have. */
    private static final class Model {
        final Map<TransferItemId, CcgTransfer.Item> live = new LinkedHashMap<>();
        final Set<SchemeParty> agreed = new LinkedHashSet<>();
        int lastNumber;
        SchemeStatus status = SchemeStatus.DRAFT;
        int checks;
        int variations;
        int resets;
        int toDerbyshire;

        void put(TransferItemId id, CcgTransfer.Item item) {
            live.put(id, item);
            if (item.receivingIcs().equals(DERBYSHIRE)) {
                toDerbyshire++;
            }
        }

        /** A draft change resets the agreements given so far; a variation of the agreed scheme is counted. */
        void changed(boolean draft) {
            if (draft) {
                resets += agreed.isEmpty() ? 0 : 1;
                agreed.clear();
            } else {
                variations++;
            }
        }

        TransferItemId pick(int pick) {
            return new ArrayList<>(live.keySet()).get(pick % live.size());
        }

        /** The CCG and every ICS receiving a live item. */
        List<SchemeParty> parties() {
            Set<IcsCode> receivers = new TreeSet<>();
            live.values().forEach(item -> receivers.add(item.receivingIcs()));
            List<SchemeParty> parties = new ArrayList<>();
            parties.add(SchemeParty.CCG);
            receivers.forEach(ics -> parties.add(SchemeParty.ics(ics)));
            return parties;
        }
    }

    // ---------------------------------------------------------------- actions

    /** Where an item is sent: unnamed (so the CCG's own ICS), Greater Manchester by name, or Derbyshire. */
    enum Receiver {
        OWN_ICS(null),
        GREATER_MANCHESTER_BY_NAME(GREATER_MANCHESTER),
        GLOSSOP_TO_DERBYSHIRE(DERBYSHIRE);

        private final IcsCode named;

        Receiver(IcsCode named) {
            this.named = named;
        }

        IcsCode named() {
            return named;
        }

        IcsCode receiving() {
            return named == null ? GREATER_MANCHESTER : named;
        }
    }

    sealed interface Action permits Add, Amend, Withdraw, PartialAgreement {}

    /** Adds an item to the draft, or by variation once agreed. */
    record Add(Receiver receiver, TransferItemDetails details) implements Action {}

    /** Amends a live item (picked by position); with none live, adds instead. */
    record Amend(int pick, Receiver receiver, TransferItemDetails details) implements Action {}

    /** Withdraws a live item (picked by position); with none live, does nothing. */
    record Withdraw(int pick) implements Action {}

    /** One party that has not yet agreed the draft agrees, never the last one; nothing once agreed. */
    record PartialAgreement(int pick) implements Action {}

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Receiver> receiver = Arbitraries.of(Receiver.class);
        Arbitrary<Action> add = Combinators.combine(receiver, details()).as(Add::new);
        Arbitrary<Action> amend = Combinators.combine(pick, receiver, details()).as(Amend::new);
        Arbitrary<Action> withdraw = pick.map(Withdraw::new);
        Arbitrary<Action> partialAgreement = pick.map(PartialAgreement::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(4, add), Tuple.of(3, amend), Tuple.of(2, withdraw), Tuple.of(1, partialAgreement))
                .list()
                .ofMaxSize(40)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<TransferItemDetails> details() {
        Arbitrary<Long> pence = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(9, Arbitraries.longs().between(1, 50_000_000_000L)));
        Arbitrary<String> description = Arbitraries.of(
                "Tameside commissioning team",
                "Glossop locality team",
                "Continuing healthcare",
                "Primary care estate",
                "Community services");
        Arbitrary<TransferItemDetails> staff = Combinators.combine(
                        description,
                        Arbitraries.integers().between(0, 3_000),
                        Arbitraries.longs().between(0, 300_000))
                .as((what, headcount, hundredths) ->
                        new TransferItemDetails.Staff(what, headcount, Wte.of(BigDecimal.valueOf(hundredths, 2))));
        Arbitrary<TransferItemDetails> asset = Combinators.combine(description, pence)
                .as((what, value) -> new TransferItemDetails.Asset(what, Money.pence(value)));
        Arbitrary<TransferItemDetails> liability = Combinators.combine(description, pence)
                .as((what, value) -> new TransferItemDetails.Liability(what, Money.pence(value)));
        Arbitrary<TransferItemDetails> contract = Combinators.combine(
                        description,
                        Arbitraries.of(
                                "Derbyshire Community Health Services NHS Foundation Trust",
                                "Tameside and Glossop Integrated Care NHS Foundation Trust"),
                        pence,
                        Arbitraries.integers().between(0, 1_500),
                        Arbitraries.of(true, false))
                .as((what, counterparty, value, days, novation) -> new TransferItemDetails.Contract(
                        what,
                        counterparty,
                        Money.pence(value),
                        LocalDate.of(2022, 7, 1).plusDays(days),
                        novation));
        return Arbitraries.oneOf(staff, asset, liability, contract);
    }
}
