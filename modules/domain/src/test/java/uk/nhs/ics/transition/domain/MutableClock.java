package uk.nhs.ics.transition.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import uk.nhs.ics.transition.messages.common.Programme;

/** The business clock of the tests: "today" is whatever the test says it is, at noon in England. */
public final class MutableClock extends Clock {

    private volatile Instant instant;

    public MutableClock(LocalDate today) {
        setToday(today);
    }

    public void setToday(LocalDate today) {
        this.instant = today.atTime(LocalTime.NOON).atZone(Programme.ZONE).toInstant();
    }

    public LocalDate today() {
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
