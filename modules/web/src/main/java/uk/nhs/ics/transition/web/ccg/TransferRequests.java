package uk.nhs.ics.transition.web.ccg;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemKind;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** The bodies of the transfer scheme writes. */
final class TransferRequests {

    private TransferRequests() {}

    /**
     * An item, as the API takes it: the kind says which of the other fields it needs. ASSET and LIABILITY carry
     * {@code valuePence}; CONTRACT {@code counterparty}, {@code annualValuePence}, {@code endDate} and
     * {@code novationRequired}; STAFF {@code headcount}, {@code wte} and
     * optionally {@code staffGroup}. Money is whole pence. {@code reference} is
     * the CCG's own identifier of the item (optional here, unique within the scheme; register imports need it).
     * Register imports build every row through this same type and its validation.
     */
    @Schema(
            name = "TransferItemRequest",
            example =
                    "{\"kind\": \"CONTRACT\", \"reference\": \"MSE-CON-12\", \"description\": \"Community services contract\", \"receivingIcs\": \"QH8\", \"annualValuePence\": 120000000, \"counterparty\": \"Essex Partnership University NHS Foundation Trust\", \"endDate\": \"2023-03-31\", \"novationRequired\": true}")
    record Item(
            @NotNull TransferItemKind kind,
            @Size(max = TransferItemReference.MAX_LENGTH) String reference,
            @NotBlank @Size(max = Checks.SHORT_TEXT) String description,

            @Pattern(regexp = IcsCode.PATTERN, message = "must be an ICS code such as QJ2") String receivingIcs,

            Long valuePence,
            Long annualValuePence,
            @Size(max = Checks.SHORT_TEXT) String counterparty,
            LocalDate endDate,
            Boolean novationRequired,
            Integer headcount,
            BigDecimal wte,
            @Size(max = Checks.SHORT_TEXT) String staffGroup) {

        TransferItemDetails details() {
            return switch (kind) {
                case ASSET -> new TransferItemDetails.Asset(description, Money.nonNegative(valuePence, "valuePence"));
                case LIABILITY ->
                    new TransferItemDetails.Liability(description, Money.nonNegative(valuePence, "valuePence"));
                case CONTRACT ->
                    new TransferItemDetails.Contract(
                            description,
                            counterparty,
                            Money.nonNegative(annualValuePence, "annualValuePence"),
                            endDate,
                            Boolean.TRUE.equals(novationRequired));
                case STAFF ->
                    new TransferItemDetails.Staff(
                            description, required(headcount, "headcount"), Wte.of(required(wte, "wte")), staffGroup);
            };
        }

        /** The CCG's reference, or {@code null} when none is given. */
        TransferItemReference itemReference() {
            return TransferItemReference.ofNullable(reference);
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw RuleViolation.invalid(field, field + " is required for this kind of item");
            }
            return value;
        }
    }

    /** Why an item is withdrawn (optional). */
    @Schema(
            name = "TransferItemWithdrawal",
            example = "{\"reason\": \"Entered twice; MSE-CON-11 is the same contract\"}")
    record Withdrawal(@Size(max = Checks.LONG_TEXT) String reason) {}

    /** A party's agreement: {@code CCG}, or a receiving ICS's code, and who signed. */
    @Schema(
            name = "TransferAgreement",
            example = "{\"party\": \"CCG\", \"signatory\": \"A. N. Officer, accountable officer\"}")
    record Agreement(
            @NotBlank @Pattern(regexp = "CCG|Q[A-Z0-9]{2}", message = "must be CCG or a receiving ICS code") String party,

            @NotBlank @Size(max = Checks.SHORT_TEXT) String signatory) {}

    /**
     * A variation of an agreed scheme, with its reason: an item to add ({@code item} without {@code itemId}), to
     * amend ({@code itemId} and {@code item}) or to withdraw ({@code itemId} only).
     */
    @Schema(
            name = "TransferVariation",
            example =
                    "{\"reason\": \"The lease was renewed after agreement\", \"itemId\": \"T-3\", \"item\": {\"kind\": \"ASSET\", \"description\": \"Chelmsford offices (renewed lease)\", \"valuePence\": 250000000}}")
    record Variation(
            @NotBlank @Size(max = Checks.LONG_TEXT) String reason,

            @Pattern(regexp = "T-[1-9][0-9]{0,8}", message = "must be a transfer item id such as T-1") String itemId,

            @Valid Item item) {}
}
