package uk.nhs.ics.transition.web.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an evidence pack is of, settled before a byte of it is written: the ICS and the CCGs whose schemes it receives
 * from, the period, what was known when, the rating date, and who asked.
 *
 * @param icsCode the ICS
 * @param icsName its name
 * @param regionCode its region
 * @param ccgs the CCGs whose schemes may send to it (their events are in the pack)
 * @param quarter {@code Q1} to {@code Q4}, {@code EST} or {@code ALL}
 * @param quarterEnd the quarter's last day under the baseline known at the pack's instant; null for {@code ALL}
 * @param knownAsOf the pack's instant: its events are those recorded by then, its views as known then
 * @param ratedAt the business date its ratings are computed for
 * @param asOfAsked the {@code asOf} asked for, if any
 * @param digestEventsAsked the digest asked for (its event count), if any; else the ledger's size as the pack is made
 * @param requestedBy who asked, in which role, for which organisation
 * @param correlationId the request's id
 * @param generatedAt when the pack was asked for
 */
public record EvidencePackRequest(
        String icsCode,
        String icsName,
        String regionCode,
        List<String> ccgs,
        String quarter,
        LocalDate quarterEnd,
        Instant knownAsOf,
        LocalDate ratedAt,
        Instant asOfAsked,
        Long digestEventsAsked,
        Requester requestedBy,
        String correlationId,
        Instant generatedAt) {

    public EvidencePackRequest {
        ccgs = List.copyOf(ccgs);
    }

    /** Who asked for a pack. */
    public record Requester(String sub, String name, String role, String scope) {}

    /** The file name a pack downloads as: {@code evidence-pack-QKS-Q3-20211231T235959Z.zip}. */
    public String fileName() {
        return "evidence-pack-" + icsCode + "-" + quarter + "-"
                + knownAsOf
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString()
                        .replace("-", "")
                        .replace(":", "")
                + ".zip";
    }
}
