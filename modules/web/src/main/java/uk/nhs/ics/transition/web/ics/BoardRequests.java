package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;

/** The bodies of the board writes. */
final class BoardRequests {

    private BoardRequests() {}

    /** Start recruitment by the national process or local filling of posts. */
    @Schema(name = "RecruitmentStart", example = "{\"process\": \"NATIONAL\"}")
    record Recruitment(@NotNull RecruitmentProcess process) {}

    /** The preferred candidate, any posts they hold elsewhere in the footprint, and their mental health expertise. */
    @Schema(
            name = "PreferredCandidate",
            example = "{\"name\": \"Dr Jane Smith\", \"conflictingPosts\": [], \"mentalHealthExpertise\": false}")
    record Candidate(
            @NotBlank @Size(max = Checks.SHORT_TEXT) String name,
            @Size(max = Checks.MAX_LIST) List<@NotBlank @Size(max = Checks.SHORT_TEXT) String> conflictingPosts,
            Boolean mentalHealthExpertise) {}

    /** Why a candidate or designate is withdrawn. */
    @Schema(name = "CandidateWithdrawal", example = "{\"reason\": \"The candidate withdrew for personal reasons\"}")
    record Withdrawal(
            @NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}
}
