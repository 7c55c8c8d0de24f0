package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.nhs.ics.transition.messages.common.Checks;

/** The bodies of the constitution, MoU and assurance writes. */
final class ConstitutionRequests {

    private ConstitutionRequests() {}

    /** A new draft version. */
    @Schema(
            name = "ConstitutionDraft",
            example =
                    "{\"documentReference\": \"MSE-CONSTITUTION-v2\", \"summary\": \"Adds the place-based partnership committees\"}")
    record Draft(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String documentReference,
            @Size(max = Checks.LONG_TEXT) String summary) {}

    /** A submission; if the board does not yet meet its minimum, each gap with its plan. */
    @Schema(
            name = "ConstitutionSubmission",
            example =
                    "{\"gaps\": [{\"requirement\": \"An independent non-executive member with mental health expertise\", \"plan\": \"Interviews on 14 March 2022; appointment by 31 March 2022\"}]}")
    record Submission(@Size(max = Checks.MAX_LIST) List<@Valid @NotNull Gap> gaps) {}

    /** An unmet requirement of the board and the plan to meet it. */
    @Schema(
            name = "BoardGapPlan",
            example =
                    "{\"requirement\": \"An independent non-executive member with mental health expertise\", \"plan\": \"Interviews on 14 March 2022; appointment by 31 March 2022\"}")
    record Gap(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String requirement,
            @NotBlank @Size(max = Checks.LONG_TEXT) String plan) {}

    /** The regional team's comments: optional on approval, required on return. */
    @Schema(
            name = "ConstitutionComments",
            example = "{\"comments\": \"Approved; publish the final board membership before establishment\"}")
    record Comments(@Size(max = Checks.LONG_TEXT) String comments) {}

    /** The draft MoU's document. */
    @Schema(example = "{\"documentReference\": \"MSE-MOU-2022-23\"}")
    record MouDraft(@NotBlank @Size(max = Checks.SHORT_TEXT) String documentReference) {}

    /** An assurance comment. */
    @Schema(
            example =
                    "{\"comment\": \"Board recruitment on track; due diligence risks in contracts need a mitigation plan\"}")
    record AssuranceComment(
            @NotBlank @Size(max = Checks.LONG_TEXT) String comment) {}
}
