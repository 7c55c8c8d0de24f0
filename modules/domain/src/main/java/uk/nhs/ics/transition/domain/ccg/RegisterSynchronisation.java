package uk.nhs.ics.transition.domain.ccg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import uk.nhs.ics.transition.messages.ccg.ImportTransferRegister;
import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan;
import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan.Action;
import uk.nhs.ics.transition.messages.ccg.RegisterProblem;
import uk.nhs.ics.transition.messages.ccg.RegisterRow;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * The rule of a register import: a scheme is synchronised with the CCG's register by reference. It plans, row by
 * row, what the import does, and refuses nothing itself: a dry run, a refused import and an applied one all come
 * from the same plan.
 *
 * <ul>
 *   <li>A live item is known in registers by its reference, or by its item id ({@code T-12}) when it has none; so a
 *       reference of the form {@code T-<n>} names that item and no other, and a new item cannot take one.
 *   <li>A reference appears once in a register; a row without one cannot be matched and is refused.
 *   <li>A new reference adds an item; a known one with other values (receiving ICS included) amends it; the same
 *       values change nothing.
 *   <li>A live item the register does not name is withdrawn when the import asks for it, and kept with a warning
 *       otherwise. A refused row still names its item: the item is not withdrawn because its row was refused.
 *   <li>A contract that ends before the establishment date in force is imported with a warning: it will not transfer.
 * </ul>
 */
final class RegisterSynchronisation {

    /** A reference that is the form of an item id. */
    static final Pattern ITEM_ID_FORM = Pattern.compile("T-[0-9]+");

    /** Warning: a live item the register does not name, kept. */
    static final String NOT_IN_REGISTER = "NOT_IN_REGISTER";
    /** Warning: a contract that ends before the establishment date. */
    static final String ENDS_BEFORE_ESTABLISHMENT = "ENDS_BEFORE_ESTABLISHMENT";

    /** One change the import makes, in the order it makes them. */
    sealed interface Step {
        record Add(TransferItemId id, IcsCode receiver, TransferItemDetails details, TransferItemReference reference)
                implements Step {}

        record Amend(TransferItemId id, IcsCode receiver, TransferItemDetails details, TransferItemReference reference)
                implements Step {}

        record Withdraw(TransferItemId id) implements Step {}
    }

    /** The plan as the importer is answered, and the steps that carry it out. */
    record Outcome(RegisterImportPlan plan, List<Step> steps) {}

    private RegisterSynchronisation() {}

    /**
     * @param command the import
     * @param live the scheme's live items, in the order they were added
     * @param receiverOf the receiving ICS a row's named ICS (or {@code null}) stands for, refusing one not allowed
     * @param lastItemNumber the number of the last item ever added
     * @param establishmentDate the establishment date in force
     */
    static Outcome plan(
            ImportTransferRegister command,
            Map<TransferItemId, CcgTransfer.Item> live,
            UnaryOperator<IcsCode> receiverOf,
            int lastItemNumber,
            LocalDate establishmentDate) {
        Map<String, TransferItemId> byKey = new HashMap<>();
        live.forEach((id, item) -> byKey.put(key(id, item.reference()), id));
        Map<String, Integer> named = new HashMap<>();
        List<RegisterImportPlan.RowOutcome> outcomes =
                new ArrayList<>(command.rows().size() + 16);
        List<Step> steps = new ArrayList<>();
        int next = lastItemNumber;
        int added = 0;
        int amended = 0;
        int unchanged = 0;
        int refused = 0;
        int warnings = 0;

        for (RegisterRow row : command.rows()) {
            List<RegisterProblem> problems = new ArrayList<>(row.problems());
            int number = row.row();
            TransferItemReference reference = row.reference();
            TransferItemId existing = null;
            if (reference == null) {
                if (!row.refused()) {
                    problems.add(RegisterProblem.error(
                            number,
                            "reference",
                            ErrorCode.INVALID_INPUT.name(),
                            "every row needs the CCG's reference of its item, so that it can be matched"));
                }
            } else {
                Integer first = named.putIfAbsent(reference.value(), number);
                existing = byKey.get(reference.value());
                if (first != null) {
                    problems.add(RegisterProblem.error(
                            number,
                            "reference",
                            ErrorCode.DUPLICATE_REFERENCE.name(),
                            "reference " + reference + " is also on row " + first + ": a reference names one item"));
                } else if (existing == null
                        && ITEM_ID_FORM.matcher(reference.value()).matches()) {
                    problems.add(RegisterProblem.error(
                            number,
                            "reference",
                            ErrorCode.INVALID_INPUT.name(),
                            "references of the form T-<n> are the service's item ids, and " + reference
                                    + " is not a live item of this scheme"));
                }
            }
            IcsCode receiver = null;
            if (row.details() != null) {
                try {
                    receiver = receiverOf.apply(row.receivingIcs());
                } catch (RuleViolation refusal) {
                    problems.add(RegisterProblem.error(
                            number,
                            refusal.field() == null ? "receivingIcs" : refusal.field(),
                            refusal.code().name(),
                            refusal.getMessage()));
                }
                try {
                    TransferItemLimits.check(row.details());
                } catch (RuleViolation refusal) {
                    problems.add(RegisterProblem.error(
                            number,
                            refusal.field() == null ? "details" : refusal.field(),
                            refusal.code().name(),
                            refusal.getMessage()));
                }
                if (row.details() instanceof TransferItemDetails.Contract contract
                        && establishmentDate != null
                        && contract.endDate().isBefore(establishmentDate)) {
                    problems.add(RegisterProblem.warning(
                            number,
                            "endDate",
                            ENDS_BEFORE_ESTABLISHMENT,
                            "the contract ends on " + contract.endDate() + ", before the establishment date "
                                    + establishmentDate + ": it will not transfer"));
                }
            }
            String shown = reference == null ? null : reference.value();
            if (problems.stream().anyMatch(RegisterProblem::refuses)) {
                refused++;
                warnings += warnings(problems);
                outcomes.add(new RegisterImportPlan.RowOutcome(
                        number, shown, Action.REFUSE, existing == null ? null : existing.value(), problems));
                continue;
            }
            warnings += problems.size();
            if (existing == null) {
                TransferItemId id = TransferItemId.number(++next);
                steps.add(new Step.Add(id, receiver, row.details(), reference));
                byKey.put(reference.value(), id);
                added++;
                outcomes.add(new RegisterImportPlan.RowOutcome(number, shown, Action.ADD, id.value(), problems));
                continue;
            }
            CcgTransfer.Item item = live.get(existing);
            // an item known by its id keeps having no reference of its own
            TransferItemReference kept = reference.value().equals(existing.value()) ? null : reference;
            boolean same = item.receivingIcs().equals(receiver)
                    && item.details().equals(row.details())
                    && Objects.equals(item.reference(), kept);
            if (same) {
                unchanged++;
            } else {
                steps.add(new Step.Amend(existing, receiver, row.details(), kept));
                amended++;
            }
            outcomes.add(new RegisterImportPlan.RowOutcome(
                    number, shown, same ? Action.UNCHANGED : Action.AMEND, existing.value(), problems));
        }

        int withdrawn = 0;
        int kept = 0;
        Set<String> namedKeys = new LinkedHashSet<>(named.keySet());
        for (Map.Entry<TransferItemId, CcgTransfer.Item> entry : live.entrySet()) {
            String key = key(entry.getKey(), entry.getValue().reference());
            if (namedKeys.contains(key)) {
                continue;
            }
            if (command.withdrawMissing()) {
                steps.add(new Step.Withdraw(entry.getKey()));
                withdrawn++;
                outcomes.add(new RegisterImportPlan.RowOutcome(
                        null, key, Action.WITHDRAW, entry.getKey().value(), List.of()));
            } else {
                kept++;
                warnings++;
                outcomes.add(new RegisterImportPlan.RowOutcome(
                        null,
                        key,
                        Action.KEEP,
                        entry.getKey().value(),
                        List.of(RegisterProblem.warning(
                                null,
                                "reference",
                                NOT_IN_REGISTER,
                                "live item " + entry.getKey() + " (" + key + ") is not in the register; it is kept"
                                        + " (withdrawMissing=true would withdraw it)"))));
            }
        }
        RegisterImportPlan.Counts counts = new RegisterImportPlan.Counts(
                command.rows().size(), added, amended, unchanged, withdrawn, kept, refused, warnings);
        return new Outcome(new RegisterImportPlan(command.dryRun(), refused == 0, counts, outcomes), steps);
    }

    /** How an item is known in registers: its reference, or its item id when it has none. */
    static String key(TransferItemId id, TransferItemReference reference) {
        return reference == null ? id.value() : reference.value();
    }

    private static int warnings(List<RegisterProblem> problems) {
        return (int) problems.stream().filter(p -> !p.refuses()).count();
    }
}
