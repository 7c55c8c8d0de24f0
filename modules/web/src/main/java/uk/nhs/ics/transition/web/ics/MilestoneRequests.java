package uk.nhs.ics.transition.web.ics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.ics.transition.messages.common.Checks;

/** The bodies of the milestone writes. */
final class MilestoneRequests {

    private MilestoneRequests() {}

    /** {@code POST .../complete}: when it was achieved, and the evidence. */
    record Complete(
            @NotNull LocalDate completedOn,
            @NotNull @Size(max = Checks.MAX_LIST) List<@Valid @NotNull EvidenceItem> evidence) {}

    /** One piece of evidence: a document reference or link, and what it shows. */
    record EvidenceItem(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String reference,
            @NotBlank @Size(max = Checks.LONG_TEXT) String description) {}

    /** {@code POST .../at-risk}, {@code .../reopen}, {@code .../clear-risk}: why. */
    record Reason(@NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}
}
