package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.RegionCode;

/** An ICS's transition was opened: every milestone of the plan not started, every minimum board seat vacant. */
@Revision("1")
public record IcsTransitionOpened(
        IcsCode icsCode,
        String name,
        RegionCode regionCode,
        String onsCode,
        String icbName,
        List<CcgCode> predecessorCcgs,
        List<MilestoneCode> milestonePlan,
        List<BoardSeat> boardSeats,
        LocalDate establishmentDate)
        implements IcsEvent {

    public IcsTransitionOpened {
        predecessorCcgs = predecessorCcgs == null ? List.of() : List.copyOf(predecessorCcgs);
        milestonePlan = milestonePlan == null ? List.of() : List.copyOf(milestonePlan);
        boardSeats = boardSeats == null ? List.of() : List.copyOf(boardSeats);
    }
}
