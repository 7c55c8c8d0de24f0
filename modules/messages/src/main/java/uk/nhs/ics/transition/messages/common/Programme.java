package uk.nhs.ics.transition.messages.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Facts about the national programme that never change: its identity, its start and the first baseline. */
public final class Programme {

    /** The identifier of the one national programme aggregate. */
    public static final String ID = "ENGLAND";

    /** The programme began on 2021-04-01: nothing can have been achieved before it. */
    public static final LocalDate START = LocalDate.of(2021, 4, 1);

    /** Business dates ("today", "completed on") are dates in England. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** The national baseline as first published in June 2021. */
    public static final Baseline JUNE_2021_BASELINE = new Baseline(
            Map.of(
                    Quarter.Q1, LocalDate.of(2021, 6, 30),
                    Quarter.Q2, LocalDate.of(2021, 9, 30),
                    Quarter.Q3, LocalDate.of(2021, 12, 31),
                    Quarter.Q4, LocalDate.of(2022, 3, 31)),
            LocalDate.of(2022, 4, 1),
            Map.of());

    private Programme() {}
}
