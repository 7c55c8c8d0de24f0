package uk.nhs.ics.transition.messages.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** Seats are named as the API names them: the role, and for several seats a number. */
class BoardSeatTest {

    @Test
    void single_seat_roles_take_no_number_and_multi_seat_roles_need_one() {
        assertThat(BoardSeat.parse("CHAIR")).isEqualTo(BoardSeat.single(BoardRole.CHAIR));
        assertThat(BoardSeat.parse("INDEPENDENT_NED-2")).isEqualTo(BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 2));
        assertThat(BoardSeat.parse("PARTNER_TRUST-1").toString()).isEqualTo("PARTNER_TRUST-1");
        assertThat(BoardSeat.find("INDEPENDENT_NED")).isEmpty();
        assertThat(BoardSeat.find("CHAIR-1")).isEmpty();
        assertThat(BoardSeat.find("INDEPENDENT_NED-0")).isEmpty();
        assertThat(BoardSeat.find("INDEPENDENT_NED-21")).isEmpty();
        assertThat(BoardSeat.find("KING")).isEmpty();
    }

    @Test
    void an_unknown_seat_is_not_found() {
        assertThatThrownBy(() -> BoardSeat.parse("DIRECTOR_OF_FUN"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_BOARD_SEAT));
    }

    @Test
    void the_minimum_composition_counts_ten_people() {
        int minimum = 0;
        for (BoardRole role : BoardRole.values()) {
            minimum += role.minimumSeats();
        }
        assertThat(minimum).isEqualTo(10);
        assertThat(BoardRole.CHAIR.process()).isEqualTo(RecruitmentProcess.NATIONAL);
        assertThat(BoardRole.CHIEF_EXECUTIVE.process()).isEqualTo(RecruitmentProcess.NATIONAL);
        assertThat(BoardRole.MEDICAL_DIRECTOR.process()).isEqualTo(RecruitmentProcess.LOCAL);
    }
}
