package uk.nhs.ics.transition.projections.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;

/** The board projection amends seats version by version, idempotently (called directly; QZZ is fictional). */
class BoardProjectionIdempotencyTest extends EndToEndTest {

    private static final IcsCode QZZ = IcsCode.of("QZZ");
    private static final BoardSeat CHAIR = BoardSeat.single(BoardRole.CHAIR);

    @Autowired
    BoardProjection projection;

    @Test
    void a_seat_copied_forward_version_by_version_ends_the_same_whatever_is_seen_twice() {
        Instant t = Instant.parse("2021-08-01T09:00:00Z");
        IcsTransitionOpened open = new IcsTransitionOpened(
                QZZ, "Nowhere", RegionCode.of("Y59"), "E0", "ICB", List.of(), List.of(), List.of(CHAIR), null);
        RecruitmentStarted recruit = new RecruitmentStarted(QZZ, CHAIR, RecruitmentProcess.NATIONAL);
        PreferredCandidateNamed candidate = new PreferredCandidateNamed(QZZ, CHAIR, "A Chair", List.of(), true);
        DesignateAppointmentConfirmed confirmed =
                new DesignateAppointmentConfirmed(QZZ, CHAIR, "A Chair", LocalDate.of(2021, 9, 1));

        projection.on(open, 0, t);
        projection.on(recruit, 1, t.plusSeconds(1));
        projection.on(candidate, 2, t.plusSeconds(2));
        projection.on(confirmed, 3, t.plusSeconds(3));
        List<Map<String, Object>> once = rows();
        projection.on(candidate, 2, t.plusSeconds(2));
        projection.on(recruit, 1, t.plusSeconds(1));
        projection.on(confirmed, 3, t.plusSeconds(3));

        assertThat(rows()).isEqualTo(once);
        Map<String, Object> current = once.get(once.size() - 1);
        assertThat(current)
                .containsEntry("status", "DESIGNATE_CONFIRMED")
                .containsEntry("process", "NATIONAL")
                .containsEntry("holder", "A Chair")
                .containsEntry("mental_health_expertise", true)
                .containsEntry("valid_to", null);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("""
                        SELECT status, process, holder, mental_health_expertise, confirmed_on, valid_from, valid_to,
                               version
                          FROM board_seat WHERE ics_code = 'QZZ' AND seat = 'CHAIR' ORDER BY version""").query().listOfRows();
    }
}
