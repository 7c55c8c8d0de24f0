package uk.nhs.ics.transition.projections.duediligence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;

/**
 * One ICS's due diligence.
 *
 * @param icsCode the ICS
 * @param status NOT_STARTED, IN_PROGRESS or SIGNED_OFF
 * @param startedOn when planning started
 * @param completedOn when the last required signatory signed
 * @param itemsByArea the items of each of the ten areas (an area without items is listed empty)
 * @param openIssues items assessed as issues (with their risk and mitigation) and items still open
 * @param signOffs the sign-offs that stand
 * @param version the ICS's version this view shows, for {@code ETag}
 */
public record DueDiligenceView(
        String icsCode,
        Status status,
        LocalDate startedOn,
        LocalDate completedOn,
        Map<DueDiligenceArea, List<Item>> itemsByArea,
        List<Item> openIssues,
        List<SignOff> signOffs,
        Long version) {

    /** Where due diligence stands: not started, planned and in progress, or signed off by every required signatory. */
    public enum Status {
        NOT_STARTED,
        IN_PROGRESS,
        SIGNED_OFF
    }

    /** A due diligence item. */
    public record Item(
            String itemId,
            DueDiligenceArea area,
            String title,
            AssessmentOutcome outcome,
            RiskRating risk,
            String mitigation) {}

    /** A sign-off. */
    public record SignOff(String signatory, SignOffCapacity capacity, String ccgCode) {}
}
