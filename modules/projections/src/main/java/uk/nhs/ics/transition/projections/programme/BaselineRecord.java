package uk.nhs.ics.transition.projections.programme;

import java.time.Instant;
import java.time.LocalDate;
import uk.nhs.ics.transition.messages.common.Baseline;

/**
 * One baseline of the programme's history.
 *
 * @param number 0 for the first, then 1, 2... for each re-baseline
 * @param decidedOn the day it takes effect
 * @param baseline its quarter ends, establishment date and explicit due dates
 * @param reason why it was made
 * @param recordedAt when the service was told
 */
public record BaselineRecord(int number, LocalDate decidedOn, Baseline baseline, String reason, Instant recordedAt) {}
