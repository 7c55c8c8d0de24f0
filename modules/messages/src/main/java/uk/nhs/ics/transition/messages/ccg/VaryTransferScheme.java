package uk.nhs.ics.transition.messages.ccg;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Optional;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * Records a variation of an agreed scheme, with its reason: an item added, amended or withdrawn. An item added or
 * amended may carry the CCG's own reference. The request names which by the fields it fills; {@link #variation()}
 * tells them apart once, so the aggregate handles three named kinds rather than patterns of nulls.
 */
public record VaryTransferScheme(
        @TargetAggregateIdentifier CcgCode ccgCode,
        String reason,
        TransferItemId itemId,
        TransferItemDetails details,
        IcsCode receivingIcs,
        TransferItemReference reference,
        @TargetAggregateVersion Long expectedVersion) {

    public VaryTransferScheme {
        Checks.required(ccgCode, "ccgCode");
        reason = Checks.reason(reason);
    }

    /** What a variation does to the scheme. */
    public sealed interface Variation permits AddItem, AmendItem, WithdrawItem {}

    /** A new item (no item id). */
    public record AddItem(TransferItemDetails details, IcsCode receivingIcs, TransferItemReference reference)
            implements Variation {}

    /** A live item's new details (an item id and details). */
    public record AmendItem(
            TransferItemId itemId, TransferItemDetails details, IcsCode receivingIcs, TransferItemReference reference)
            implements Variation {}

    /** A live item withdrawn (an item id only). */
    public record WithdrawItem(TransferItemId itemId) implements Variation {}

    /** What this variation does; empty when it names neither an item nor details, which the aggregate refuses. */
    @JsonIgnore
    public Optional<Variation> variation() {
        if (itemId == null) {
            return details == null ? Optional.empty() : Optional.of(new AddItem(details, receivingIcs, reference));
        }
        return Optional.of(
                details == null ? new WithdrawItem(itemId) : new AmendItem(itemId, details, receivingIcs, reference));
    }

    /** A variation whose item has no reference of the CCG's own. */
    public VaryTransferScheme(
            CcgCode ccgCode,
            String reason,
            TransferItemId itemId,
            TransferItemDetails details,
            IcsCode receivingIcs,
            Long expectedVersion) {
        this(ccgCode, reason, itemId, details, receivingIcs, null, expectedVersion);
    }
}
