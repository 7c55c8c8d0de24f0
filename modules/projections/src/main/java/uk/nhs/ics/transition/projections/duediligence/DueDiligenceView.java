package uk.nhs.ics.transition.projections.duediligence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
        String status,
        LocalDate startedOn,
        LocalDate completedOn,
        Map<String, List<Item>> itemsByArea,
        List<Item> openIssues,
        List<SignOff> signOffs,
        Long version) {

    /** A due diligence item. */
    public record Item(String itemId, String area, String title, String outcome, String risk, String mitigation) {}

    /** A sign-off. */
    public record SignOff(String signatory, String capacity, String ccgCode) {}
}
