package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;

/** The bodies of the due diligence writes. */
final class DueDiligenceRequests {

    private DueDiligenceRequests() {}

    /** An item in one of the ten areas ({@code category}). */
    @Schema(
            name = "DueDiligenceItemRequest",
            example = "{\"category\": \"CONTRACTS\", \"title\": \"Novation of community services contracts\"}")
    record Item(
            @NotNull DueDiligenceArea category,
            @NotBlank @Size(max = Checks.SHORT_TEXT) String title) {}

    /** ASSURED, or ISSUE with its risk and (ideally) a mitigation. */
    @Schema(
            name = "DueDiligenceAssessment",
            example =
                    "{\"outcome\": \"ISSUE\", \"risk\": \"HIGH\", \"mitigation\": \"Legal review of the novation clauses by 31 January 2022\"}")
    record Assessment(
            @NotNull AssessmentOutcome outcome,
            RiskRating risk,
            @Size(max = Checks.LONG_TEXT) String mitigation) {}

    /** A sign-off, by a predecessor CCG's accountable officer (naming the CCG) or the designate chief executive. */
    @Schema(
            name = "DueDiligenceSignOff",
            example =
                    "{\"signatory\": \"A. N. Officer\", \"capacity\": \"CCG_ACCOUNTABLE_OFFICER\", \"ccgCode\": \"06Q\"}")
    record SignOff(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String signatory,
            @NotNull SignOffCapacity capacity,

            @Pattern(regexp = CcgCode.PATTERN, message = "must be a CCG code such as 91Q") String ccgCode) {}
}
