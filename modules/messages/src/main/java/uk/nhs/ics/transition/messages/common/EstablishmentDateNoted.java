package uk.nhs.ics.transition.messages.common;

import java.time.LocalDate;

/**
 * An aggregate learned the establishment date now in force; the ICS's and the CCG's events of it, read alike by the
 * legislative gate (see {@link LegislativeStageNoted}).
 */
public interface EstablishmentDateNoted {

    LocalDate establishmentDate();
}
