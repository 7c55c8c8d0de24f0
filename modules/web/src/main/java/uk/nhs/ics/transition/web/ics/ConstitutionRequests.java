package uk.nhs.ics.transition.web.ics;

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
    record Draft(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String documentReference,
            @Size(max = Checks.LONG_TEXT) String summary) {}

    /** A submission; if the board does not yet meet its minimum, each gap with its plan. */
    record Submission(@Size(max = Checks.MAX_LIST) List<@Valid @NotNull Gap> gaps) {}

    /** An unmet requirement of the board and the plan to meet it. */
    record Gap(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String requirement,
            @NotBlank @Size(max = Checks.LONG_TEXT) String plan) {}

    /** The regional team's comments: optional on approval, required on return. */
    record Comments(@Size(max = Checks.LONG_TEXT) String comments) {}

    /** The draft MoU's document. */
    record MouDraft(@NotBlank @Size(max = Checks.SHORT_TEXT) String documentReference) {}

    /** An assurance comment. */
    record AssuranceComment(
            @NotBlank @Size(max = Checks.LONG_TEXT) String comment) {}
}
