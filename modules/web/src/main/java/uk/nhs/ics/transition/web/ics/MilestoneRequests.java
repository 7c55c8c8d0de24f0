package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(
            name = "MilestoneCompletion",
            example =
                    "{\"completedOn\": \"2021-06-25\", \"evidence\": [{\"reference\": \"MSE-SDP-2021-v3\", \"description\": \"System development plan v3, approved by the ICS partnership board on 24 June 2021\"}]}")
    record Complete(
            @NotNull LocalDate completedOn,
            @NotNull @Size(max = Checks.MAX_LIST) List<@Valid @NotNull EvidenceItem> evidence) {}

    /** One piece of evidence: a document reference or link, and what it shows. */
    @Schema(
            example =
                    "{\"reference\": \"MSE-SDP-2021-v3\", \"description\": \"System development plan v3, approved by the ICS partnership board on 24 June 2021\"}")
    record EvidenceItem(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String reference,
            @NotBlank @Size(max = Checks.LONG_TEXT) String description) {}

    /** {@code POST .../at-risk}, {@code .../reopen}, {@code .../clear-risk}: why. */
    @Schema(
            name = "MilestoneReason",
            example =
                    "{\"reason\": \"The recruitment panel cannot meet before the due date; new date agreed with the region\"}")
    record Reason(@NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}
}
