package uk.nhs.ics.transition.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * The clock of a demo: while the demo loads, it walks through the simulated 2021/22 calendar (a working day from
 * 08:00, a few seconds per command), and it is both the business clock ("today") and the clock Axon stamps events
 * with; afterwards it stands still on the day the demo was pinned to. Only the demo loader moves it.
 */
public final class DemoClock extends Clock {

    private static final Duration TICK = Duration.ofSeconds(7);

    private volatile Instant instant;

    public DemoClock(LocalDate today) {
        startDay(today);
    }

    /** Moves to 08:00 on the day. */
    void startDay(LocalDate day) {
        instant = day.atTime(LocalTime.of(8, 0)).atZone(Programme.ZONE).toInstant();
    }

    /** The next command's moment: a few seconds later. */
    void tick() {
        instant = instant.plus(TICK);
    }

    /** Stands at noon on the day, as a fixed business clock does. */
    void pin(LocalDate day) {
        instant = day.atTime(LocalTime.NOON).atZone(Programme.ZONE).toInstant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(instant, Programme.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return Programme.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
