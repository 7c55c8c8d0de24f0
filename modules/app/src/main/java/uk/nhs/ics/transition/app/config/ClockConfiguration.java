package uk.nhs.ics.transition.app.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.ics.transition.app.demo.DemoClock;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * The service's business clock: what "today" is when a rule says "not in the future", or a rating is asked for no
 * particular date. It is the real date in England unless {@code ics.clock.fixed-date} pins it (for a demo of
 * December 2021, say). It is never used to stamp events: those carry the real instant they were recorded, except
 * while a demo ({@code ICS_DEMO}) loads its simulated history.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${ics.clock.fixed-date:}") String fixedDate, @Value("${ics.demo.name:}") String demo) {
        if (demo != null && !demo.isBlank()) {
            // the demo walks the clock through 2021/22 while it loads, then pins it (see DemoLoader)
            return new DemoClock(Programme.START);
        }
        if (fixedDate == null || fixedDate.isBlank()) {
            return Clock.system(Programme.ZONE);
        }
        LocalDate date = LocalDate.parse(fixedDate.strip());
        log.warn("The business clock is fixed at {}: 'today' will not move", date);
        return Clock.fixed(date.atTime(LocalTime.NOON).atZone(Programme.ZONE).toInstant(), Programme.ZONE);
    }
}
