package uk.nhs.ics.transition.domain.ccg;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.domain.LegislativeGate;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.ccg.AbolishCcg;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.AmendTransferItem;
import uk.nhs.ics.transition.messages.ccg.BoundaryChangeRegistered;
import uk.nhs.ics.transition.messages.ccg.CcgAbolished;
import uk.nhs.ics.transition.messages.ccg.CcgEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ccg.CcgLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ccg.CcgRegistered;
import uk.nhs.ics.transition.messages.ccg.EffectTransferScheme;
import uk.nhs.ics.transition.messages.ccg.ImportTransferRegister;
import uk.nhs.ics.transition.messages.ccg.NoteCcgEstablishmentDate;
import uk.nhs.ics.transition.messages.ccg.NoteCcgLegislativeMilestone;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.ccg.ReceivingChiefExecutiveNoted;
import uk.nhs.ics.transition.messages.ccg.RegisterBoundaryChange;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan;
import uk.nhs.ics.transition.messages.ccg.RegisterImportRefused;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.ccg.TransferRegisterImported;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreementsReset;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeEffected;
import uk.nhs.ics.transition.messages.ccg.TransferSchemePartyAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeVaried;
import uk.nhs.ics.transition.messages.ccg.TransferTotals;
import uk.nhs.ics.transition.messages.ccg.VaryTransferScheme;
import uk.nhs.ics.transition.messages.ccg.WithdrawTransferItem;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * One CCG and its transfer scheme: the staff, assets, liabilities and contracts that transfer to the receiving ICS
 * NHS bodies at establishment.
 *
 * <ul>
 *   <li>Each item goes to the CCG's own ICS unless a registered boundary change lets it go to another.
 *   <li>While the scheme is a draft, items can be added, amended and withdrawn. Agreement needs the CCG and every
 *       receiving ICS (through its designate chief executive); a change after some parties agreed resets their
 *       agreement, because they agreed to something else.
 *   <li>Once agreed, the scheme is frozen: only a recorded variation, with a reason, changes it.
 *   <li>It is effected, and the CCG abolished, only after Royal Assent and once the establishment date arrives.
 * </ul>
 *
 * The totals per receiving ICS are kept as items come and go, and always equal the sum of the live items.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class CcgTransfer {

    /** A live item of the scheme, with the CCG's own reference if it has one. */
    record Item(IcsCode receivingIcs, TransferItemDetails details, TransferItemReference reference) {}

    @AggregateIdentifier
    private CcgCode ccgCode;

    private IcsCode ownIcs;
    private final Set<IcsCode> allowedReceivers = new LinkedHashSet<>();
    private SchemeStatus status = SchemeStatus.DRAFT;
    private boolean abolished;
    private final Map<TransferItemId, Item> items = new LinkedHashMap<>();
    private int lastItemNumber;
    private final Map<IcsCode, TransferTotals> totals = new TreeMap<>();
    private final Map<SchemeParty, String> agreements = new LinkedHashMap<>();
    private final Map<IcsCode, String> receivingChiefExecutives = new TreeMap<>();
    private int variations;

    @AggregateMember
    private LegislativeGate gate;

    protected CcgTransfer() {
        // for event sourcing
    }

    /** Registers the CCG; a creation handler, so it too answers with the version (see the ICS aggregate). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Object handle(RegisterCcg command) {
        apply(new CcgRegistered(
                command.ccgCode(), command.name(), command.icsCode(), command.onsCode(), command.establishmentDate()));
        return null;
    }

    /** Every command is answered with the aggregate's version once handled, and anything it created. */
    @CommandHandlerInterceptor
    Object answerWithVersion(InterceptorChain chain) throws Exception {
        Object answer = chain.proceed();
        return CommandOutcome.of(AggregateLifecycle.getVersion(), answer);
    }

    /** Registering the same boundary change again changes nothing, so reference data can be loaded repeatedly. */
    @CommandHandler
    void handle(RegisterBoundaryChange command) {
        if (!command.fromIcs().equals(ownIcs)) {
            throw Refusal.because(
                    ErrorCode.INVALID_INPUT,
                    "fromIcs",
                    ccgCode + " belongs to " + ownIcs + ", not " + command.fromIcs());
        }
        if (allowedReceivers.contains(command.toIcs())) {
            return;
        }
        apply(new BoundaryChangeRegistered(
                command.ccgCode(),
                command.fromIcs(),
                command.toIcs(),
                command.area(),
                command.lsoaCount(),
                command.effectiveDate()));
    }

    // ---------------------------------------------------------------- the draft scheme

    @CommandHandler
    String handle(AddTransferItem command) {
        requireDraft();
        IcsCode receiver = receiverOf(command.receivingIcs());
        requireWithinLimits(receiver, command.details(), null);
        requireReferenceFree(command.reference(), null);
        resetAgreements("an item was added after they were given");
        TransferItemId id = TransferItemId.number(lastItemNumber + 1);
        apply(new TransferItemAdded(ccgCode, id, receiver, command.details(), command.reference()));
        return id.value();
    }

    @CommandHandler
    void handle(AmendTransferItem command) {
        requireDraft();
        requireLive(command.itemId());
        IcsCode receiver = receiverOf(command.receivingIcs());
        requireWithinLimits(receiver, command.details(), command.itemId());
        TransferItemReference reference = requireReferenceFree(command.reference(), command.itemId());
        resetAgreements("an item was amended after they were given");
        apply(new TransferItemAmended(ccgCode, command.itemId(), receiver, command.details(), reference));
    }

    @CommandHandler
    void handle(WithdrawTransferItem command) {
        requireDraft();
        requireLive(command.itemId());
        resetAgreements("an item was withdrawn after they were given");
        apply(new TransferItemWithdrawn(ccgCode, command.itemId(), command.reason()));
    }

    /**
     * Synchronises the draft with the CCG's register, all or nothing (see {@link RegisterSynchronisation}): one
     * {@link TransferRegisterImported} for the audit trail, then each item's own event. A dry run, or a register that
     * changes nothing, applies no event at all; a refused row refuses the whole import, with every row's problems.
     */
    @CommandHandler
    RegisterImportPlan handle(ImportTransferRegister command) {
        requireDraft();
        RegisterSynchronisation.Outcome outcome = RegisterSynchronisation.plan(
                command, items, this::receiverOf, lastItemNumber, gate.establishmentDate());
        RegisterImportPlan plan = outcome.plan();
        if (!plan.accepted() && !command.dryRun()) {
            throw new RegisterImportRefused(plan);
        }
        if (command.dryRun() || !plan.changes()) {
            return plan;
        }
        requireTotalsFit(outcome.steps());
        RegisterImportPlan.Counts counts = plan.counts();
        apply(new TransferRegisterImported(
                ccgCode,
                command.fileName(),
                command.sha256(),
                counts.rows(),
                counts.added(),
                counts.amended(),
                counts.unchanged(),
                counts.withdrawn(),
                command.reason()));
        resetAgreements("a register was imported after they were given");
        String withdrawal = "not in the register " + command.fileName();
        for (RegisterSynchronisation.Step step : outcome.steps()) {
            if (step instanceof RegisterSynchronisation.Step.Add add) {
                apply(new TransferItemAdded(ccgCode, add.id(), add.receiver(), add.details(), add.reference()));
            } else if (step instanceof RegisterSynchronisation.Step.Amend amend) {
                apply(new TransferItemAmended(
                        ccgCode, amend.id(), amend.receiver(), amend.details(), amend.reference()));
            } else if (step instanceof RegisterSynchronisation.Step.Withdraw withdraw) {
                apply(new TransferItemWithdrawn(ccgCode, withdraw.id(), withdrawal));
            }
        }
        return plan;
    }

    @CommandHandler
    void handle(AgreeTransferScheme command, Clock clock) {
        requireNotAbolished();
        if (status != SchemeStatus.DRAFT) {
            throw Refusal.because(ErrorCode.ALREADY_AGREED, "the scheme is already " + status);
        }
        if (items.isEmpty()) {
            throw Refusal.because(ErrorCode.SCHEME_EMPTY, "a scheme with no items cannot be agreed");
        }
        SchemeParty party = command.party();
        Set<SchemeParty> parties = parties();
        if (!parties.contains(party)) {
            throw Refusal.because(
                    ErrorCode.NOT_A_PARTY,
                    "party",
                    party + " is not a party to this scheme; its parties are " + parties);
        }
        if (agreements.containsKey(party)) {
            throw Refusal.because(ErrorCode.ALREADY_AGREED, party + " has already agreed the scheme");
        }
        if (!party.isCcg() && !receivingChiefExecutives.containsKey(party.ics())) {
            throw Refusal.because(
                    ErrorCode.NO_DESIGNATE_CHIEF_EXECUTIVE,
                    party + " agrees through its designate chief executive, and it has none yet");
        }
        apply(new TransferSchemePartyAgreed(ccgCode, party, command.signatory()));
        if (agreements.keySet().containsAll(parties)) {
            apply(new TransferSchemeAgreed(ccgCode, List.copyOf(receivers()), LocalDate.now(clock)));
        }
    }

    // ---------------------------------------------------------------- after agreement

    /** A recorded variation: an item added, amended or withdrawn (see {@link VaryTransferScheme.Variation}). */
    @CommandHandler
    String handle(VaryTransferScheme command) {
        requireNotAbolished();
        if (status == SchemeStatus.DRAFT) {
            throw Refusal.because(
                    ErrorCode.SCHEME_NOT_AGREED,
                    "a draft scheme is changed directly; variations are for agreed schemes");
        }
        if (status == SchemeStatus.EFFECTED) {
            throw Refusal.because(ErrorCode.ALREADY_EFFECTED, "the transfer has been effected: it can no longer vary");
        }
        VaryTransferScheme.Variation variation = command.variation()
                .orElseThrow(() -> Refusal.because(
                        ErrorCode.INVALID_INPUT,
                        "details",
                        "a variation adds, amends or withdraws an item: name which"));
        TransferSchemeVaried varied = new TransferSchemeVaried(ccgCode, variations + 1, command.reason());
        if (variation instanceof VaryTransferScheme.AddItem add) {
            IcsCode receiver = receiverOf(add.receivingIcs());
            requireWithinLimits(receiver, add.details(), null);
            requireReferenceFree(add.reference(), null);
            TransferItemId id = TransferItemId.number(lastItemNumber + 1);
            apply(varied);
            apply(new TransferItemAdded(ccgCode, id, receiver, add.details(), add.reference()));
            return id.value();
        }
        if (variation instanceof VaryTransferScheme.AmendItem amend) {
            requireLive(amend.itemId());
            IcsCode receiver = receiverOf(amend.receivingIcs());
            requireWithinLimits(receiver, amend.details(), amend.itemId());
            TransferItemReference reference = requireReferenceFree(amend.reference(), amend.itemId());
            apply(varied);
            apply(new TransferItemAmended(ccgCode, amend.itemId(), receiver, amend.details(), reference));
            return null;
        }
        VaryTransferScheme.WithdrawItem withdraw = (VaryTransferScheme.WithdrawItem) variation;
        requireLive(withdraw.itemId());
        apply(varied);
        apply(new TransferItemWithdrawn(ccgCode, withdraw.itemId(), command.reason()));
        return null;
    }

    @CommandHandler
    void handle(EffectTransferScheme command, Clock clock) {
        requireNotAbolished();
        if (status == SchemeStatus.EFFECTED) {
            throw Refusal.because(ErrorCode.ALREADY_EFFECTED, "the transfer has already been effected");
        }
        if (status != SchemeStatus.AGREED) {
            throw Refusal.because(ErrorCode.SCHEME_NOT_AGREED, "only an agreed scheme can be effected");
        }
        gate.requireEstablishment("effecting a transfer", LocalDate.now(clock));
        apply(new TransferSchemeEffected(ccgCode, LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AbolishCcg command, Clock clock) {
        requireNotAbolished();
        gate.requireEstablishment("abolishing a CCG", LocalDate.now(clock));
        if (status != SchemeStatus.EFFECTED) {
            throw Refusal.because(
                    ErrorCode.SCHEME_NOT_EFFECTED, "a CCG is abolished once everything it holds has transferred");
        }
        apply(new CcgAbolished(ccgCode, LocalDate.now(clock)));
    }

    // ---------------------------------------------------------------- facts relayed from other aggregates

    @CommandHandler
    void handle(NoteCcgLegislativeMilestone command) {
        if (!gate.knows(command.milestone())) {
            apply(new CcgLegislativeMilestoneNoted(ccgCode, command.milestone(), command.occurredOn()));
        }
    }

    @CommandHandler
    void handle(NoteCcgEstablishmentDate command) {
        if (!command.establishmentDate().equals(gate.establishmentDate())) {
            apply(new CcgEstablishmentDateNoted(ccgCode, command.establishmentDate()));
        }
    }

    /** Who is the designate chief executive of a receiving ICS; news about other ICSs changes nothing. */
    @CommandHandler
    void handle(NoteReceivingChiefExecutive command) {
        String known = receivingChiefExecutives.get(command.icsCode());
        boolean changed = command.holderName() == null
                ? known != null
                : !command.holderName().equals(known);
        if (allowedReceivers.contains(command.icsCode()) && changed) {
            apply(new ReceivingChiefExecutiveNoted(ccgCode, command.icsCode(), command.holderName()));
        }
    }

    // ---------------------------------------------------------------- rules

    private void requireDraft() {
        requireNotAbolished();
        if (status != SchemeStatus.DRAFT) {
            throw Refusal.because(
                    ErrorCode.SCHEME_FROZEN,
                    "the scheme is " + status + ": it changes only by a recorded variation with a reason");
        }
    }

    private void requireNotAbolished() {
        if (abolished) {
            throw Refusal.because(ErrorCode.CCG_ABOLISHED, ccgCode + " has been abolished");
        }
    }

    private void requireLive(TransferItemId id) {
        if (!items.containsKey(id)) {
            throw Refusal.because(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId", "no live item " + id + " in this scheme");
        }
    }

    /**
     * A reference the item may take: none, or one no other live item is known by (see
     * {@link RegisterSynchronisation}). An item's own id as its reference means it has none of its own.
     *
     * @param item the item amended, or {@code null} for a new one
     * @return the reference to record
     */
    private TransferItemReference requireReferenceFree(TransferItemReference reference, TransferItemId item) {
        if (reference == null) {
            return null;
        }
        if (item != null && reference.value().equals(item.value())) {
            return null;
        }
        if (RegisterSynchronisation.ITEM_ID_FORM.matcher(reference.value()).matches()) {
            throw Refusal.because(
                    ErrorCode.INVALID_INPUT,
                    "reference",
                    "references of the form T-<n> are the service's item ids; choose another reference");
        }
        items.forEach((id, other) -> {
            if (!id.equals(item) && reference.equals(other.reference())) {
                throw Refusal.because(
                        ErrorCode.DUPLICATE_REFERENCE,
                        "reference",
                        "live item " + id + " already has reference " + reference + ": a reference names one item");
            }
        });
        return reference;
    }

    /** The receiving ICS named, or the CCG's own; only the own ICS or a boundary change's destination. */
    private IcsCode receiverOf(IcsCode named) {
        IcsCode receiver = named == null ? ownIcs : named;
        if (!allowedReceivers.contains(receiver)) {
            throw Refusal.because(
                    ErrorCode.RECEIVING_ICS_NOT_ALLOWED,
                    "receivingIcs",
                    ccgCode + " transfers to " + ownIcs + "; another receiving ICS is possible only where a boundary"
                            + " change moves part of its area (" + allowedReceivers + ")");
        }
        return receiver;
    }

    /** The totals once every step of an import is taken stay within what can be recorded. */
    private void requireTotalsFit(List<RegisterSynchronisation.Step> steps) {
        Map<IcsCode, TransferTotals> after = new TreeMap<>(totals);
        Map<TransferItemId, Item> live = new LinkedHashMap<>(items);
        for (RegisterSynchronisation.Step step : steps) {
            if (step instanceof RegisterSynchronisation.Step.Add add) {
                after = TransferItemLimits.totalsAfter(after, add.receiver(), add.details(), null, null);
                live.put(add.id(), new Item(add.receiver(), add.details(), add.reference()));
            } else if (step instanceof RegisterSynchronisation.Step.Amend amend) {
                Item old = live.get(amend.id());
                after = TransferItemLimits.totalsAfter(
                        after, amend.receiver(), amend.details(), old.receivingIcs(), old.details());
                live.put(amend.id(), new Item(amend.receiver(), amend.details(), amend.reference()));
            }
        }
    }

    /** The item is within the limits of one item, and the totals stay within what can be recorded. */
    private void requireWithinLimits(IcsCode receiver, TransferItemDetails details, TransferItemId replacing) {
        TransferItemLimits.check(details);
        Item replaced = replacing == null ? null : items.get(replacing);
        TransferItemLimits.totalsAfter(
                totals,
                receiver,
                details,
                replaced == null ? null : replaced.receivingIcs(),
                replaced == null ? null : replaced.details());
    }

    private void resetAgreements(String reason) {
        if (!agreements.isEmpty()) {
            apply(new TransferSchemeAgreementsReset(ccgCode, List.copyOf(agreements.keySet()), reason));
        }
    }

    /** The ICSs that receive at least one live item. */
    Set<IcsCode> receivers() {
        Set<IcsCode> receivers = new TreeSet<>();
        items.values().forEach(item -> receivers.add(item.receivingIcs()));
        return receivers;
    }

    private Set<SchemeParty> parties() {
        Set<SchemeParty> parties = new LinkedHashSet<>();
        parties.add(SchemeParty.CCG);
        receivers().forEach(ics -> parties.add(SchemeParty.ics(ics)));
        return parties;
    }

    /** What the scheme sends to each receiving ICS, as kept item by item. */
    Map<IcsCode, TransferTotals> totals() {
        Map<IcsCode, TransferTotals> current = new TreeMap<>();
        receivers().forEach(ics -> current.put(ics, totals.getOrDefault(ics, TransferTotals.NONE)));
        return current;
    }

    /** The live items, in the order they were added. */
    List<Item> liveItems() {
        return new ArrayList<>(items.values());
    }

    SchemeStatus status() {
        return status;
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(CcgRegistered event) {
        ccgCode = event.ccgCode();
        ownIcs = event.icsCode();
        allowedReceivers.add(event.icsCode());
        gate = new LegislativeGate(event.establishmentDate());
    }

    @EventSourcingHandler
    void on(BoundaryChangeRegistered event) {
        allowedReceivers.add(event.toIcs());
    }

    @EventSourcingHandler
    void on(TransferItemAdded event) {
        items.put(event.itemId(), new Item(event.receivingIcs(), event.details(), event.reference()));
        lastItemNumber = event.itemId().number();
        add(event.receivingIcs(), event.details());
    }

    @EventSourcingHandler
    void on(TransferItemAmended event) {
        Item old = items.get(event.itemId());
        remove(old.receivingIcs(), old.details());
        items.put(event.itemId(), new Item(event.receivingIcs(), event.details(), event.reference()));
        add(event.receivingIcs(), event.details());
    }

    @EventSourcingHandler
    void on(TransferItemWithdrawn event) {
        Item old = items.remove(event.itemId());
        remove(old.receivingIcs(), old.details());
    }

    @EventSourcingHandler
    void on(TransferSchemePartyAgreed event) {
        agreements.put(event.party(), event.signatory());
    }

    @EventSourcingHandler
    void on(TransferSchemeAgreementsReset event) {
        agreements.clear();
    }

    @EventSourcingHandler
    void on(TransferSchemeAgreed event) {
        status = SchemeStatus.AGREED;
    }

    @EventSourcingHandler
    void on(TransferSchemeVaried event) {
        variations = event.variationNumber();
    }

    @EventSourcingHandler
    void on(TransferSchemeEffected event) {
        status = SchemeStatus.EFFECTED;
    }

    @EventSourcingHandler
    void on(CcgAbolished event) {
        abolished = true;
    }

    @EventSourcingHandler
    void on(ReceivingChiefExecutiveNoted event) {
        if (event.holderName() == null) {
            receivingChiefExecutives.remove(event.icsCode());
        } else {
            receivingChiefExecutives.put(event.icsCode(), event.holderName());
        }
    }

    private void add(IcsCode receiver, TransferItemDetails details) {
        totals.merge(receiver, TransferTotals.NONE.plus(details), (a, b) -> a.plus(details));
    }

    private void remove(IcsCode receiver, TransferItemDetails details) {
        totals.put(receiver, totals.get(receiver).minus(details));
    }
}
