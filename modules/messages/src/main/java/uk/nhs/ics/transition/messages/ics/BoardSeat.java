package uk.nhs.ics.transition.messages.ics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * One seat on the board: a single-seat role ({@code CHAIR}) or a numbered seat of a multi-seat role
 * ({@code INDEPENDENT_NED-2}). Its string form is what the API paths and the events use.
 */
public record BoardSeat(BoardRole role, int number) implements Comparable<BoardSeat> {

    /** Highest seat number a multi-seat role may have. */
    public static final int MAX_SEATS = 20;

    public BoardSeat {
        if (role == null) {
            throw RuleViolation.invalid("role", "role is required");
        }
        if (role.multiSeat() ? number < 1 || number > MAX_SEATS : number != 0) {
            throw new RuleViolation(
                    ErrorCode.UNKNOWN_BOARD_SEAT,
                    "role",
                    role.multiSeat()
                            ? role + " seats are numbered 1 to " + MAX_SEATS + ", e.g. " + role + "-1"
                            : role + " has a single seat and takes no number");
        }
    }

    public static BoardSeat single(BoardRole role) {
        return new BoardSeat(role, 0);
    }

    public static BoardSeat numbered(BoardRole role, int number) {
        return new BoardSeat(role, number);
    }

    /** Reads {@code CHAIR} or {@code INDEPENDENT_NED-1}; empty if the text names no seat. */
    public static Optional<BoardSeat> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (RuleViolation | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @JsonCreator
    public static BoardSeat parse(String text) {
        int dash = text.lastIndexOf('-');
        if (dash > 0 && text.substring(dash + 1).chars().allMatch(Character::isDigit) && dash < text.length() - 1) {
            String digits = text.substring(dash + 1);
            if (digits.length() > 2) {
                throw new RuleViolation(
                        ErrorCode.UNKNOWN_BOARD_SEAT, "role", "no board seat is called " + quoted(text));
            }
            return new BoardSeat(roleNamed(text.substring(0, dash), text), Integer.parseInt(digits));
        }
        return new BoardSeat(roleNamed(text, text), 0);
    }

    private static BoardRole roleNamed(String name, String text) {
        try {
            return BoardRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(ErrorCode.UNKNOWN_BOARD_SEAT, "role", "no board seat is called " + quoted(text));
        }
    }

    /** The text as given, quoted back only if it could be a seat: never markup or SQL a client might render. */
    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9_-]{1,60}") ? text : "like that";
    }

    @JsonValue
    @Override
    public String toString() {
        return role.multiSeat() ? role.name() + "-" + number : role.name();
    }

    @Override
    public int compareTo(BoardSeat other) {
        int byRole = role.compareTo(other.role);
        return byRole != 0 ? byRole : Integer.compare(number, other.number);
    }
}
