package uk.nhs.ics.transition.domain.ics;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.MouStatus;

/**
 * The facts that complete each derived milestone, read from the state of the ICS transition. A derived milestone is
 * complete exactly when all its facts hold; it starts when the first of them is recorded, and reopens when one is
 * undone (a designate withdraws, a submitted constitution is returned).
 *
 * <p>Each rule carries, beside its code, the words that say what completes it. Where the rule is about board roles
 * the words are made from the same roles the rule checks. The milestone catalogue ({@link
 * MilestoneCode#completingFacts()}, which the API and the refusals quote) must say the same: a test holds the two
 * together, so neither can change alone.
 */
final class DerivedMilestones {

    /** How many of a milestone's facts hold. */
    enum Facts {
        NONE,
        SOME,
        ALL
    }

    /** What a rule reads: the ICS transition's parts. */
    record State(
            Board board,
            DueDiligence dueDiligence,
            Constitution constitution,
            Set<CcgCode> agreedSchemes,
            Set<CcgCode> predecessors) {}

    /** One derived milestone's rule: what completes it, in words, and how many of its facts hold in a state. */
    record Rule(String completesWhen, Function<State, Facts> facts) {}

    private static final Map<MilestoneCode, Rule> RULES = new EnumMap<>(MilestoneCode.class);

    static {
        RULES.put(
                MilestoneCode.Q2_CHAIR_CEO_RECRUITED,
                roles(
                        "recruitment has started for",
                        Board::isRecruitmentStarted,
                        BoardRole.CHAIR,
                        BoardRole.CHIEF_EXECUTIVE));
        RULES.put(
                MilestoneCode.Q2_CHAIR_CEO_CONFIRMED,
                roles(
                        "designate appointments are confirmed for",
                        Board::isFilled,
                        BoardRole.CHAIR,
                        BoardRole.CHIEF_EXECUTIVE));
        RULES.put(
                MilestoneCode.Q2_DUE_DILIGENCE_PLANNING,
                new Rule(
                        "due diligence planning has started",
                        s -> of(s.dueDiligence().stage() != DueDiligence.Stage.NOT_STARTED)));
        RULES.put(
                MilestoneCode.Q3_EXECUTIVES_RECRUITED,
                roles(
                        "recruitment has started for",
                        Board::isRecruitmentStarted,
                        BoardRole.FINANCE_DIRECTOR,
                        BoardRole.MEDICAL_DIRECTOR,
                        BoardRole.DIRECTOR_OF_NURSING));
        RULES.put(
                MilestoneCode.Q3_EXECUTIVES_CONFIRMED,
                roles(
                        "designate appointments are confirmed for",
                        Board::isFilled,
                        BoardRole.FINANCE_DIRECTOR,
                        BoardRole.MEDICAL_DIRECTOR,
                        BoardRole.DIRECTOR_OF_NURSING));
        RULES.put(
                MilestoneCode.Q3_CONSTITUTION_ENGAGEMENT,
                new Rule(
                        "engagement on the constitution has been closed",
                        s -> s.constitution().engagementEverClosed()
                                ? Facts.ALL
                                : s.constitution().engagementEverOpened() ? Facts.SOME : Facts.NONE));
        RULES.put(
                MilestoneCode.Q4_SENIOR_RECRUITED,
                new Rule(
                        "recruitment has started for every board seat (none is still vacant)",
                        s -> !s.board().hasVacantSeat()
                                ? Facts.ALL
                                : s.board().countNotVacant() > 0 ? Facts.SOME : Facts.NONE));
        RULES.put(
                MilestoneCode.Q4_SENIOR_CONFIRMED,
                new Rule(
                        "the board meets its minimum composition with designate (or substantive) holders",
                        s -> s.board().meetsMinimum() ? Facts.ALL : s.board().anyFilled() ? Facts.SOME : Facts.NONE));
        RULES.put(
                MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE,
                new Rule(
                        "due diligence is signed off and every predecessor CCG's transfer scheme is agreed",
                        DerivedMilestones::dueDiligenceComplete));
        RULES.put(
                MilestoneCode.Q4_CONSTITUTION_SUBMITTED,
                new Rule(
                        "the constitution has been submitted (and not returned since)",
                        s -> s.constitution().isSubmitted()
                                ? Facts.ALL
                                : s.constitution().draftVersion() > 0 ? Facts.SOME : Facts.NONE));
        RULES.put(
                MilestoneCode.Q4_MOU_AGREED,
                new Rule(
                        "the MoU has been agreed by the regional team",
                        s -> s.constitution().mou() == MouStatus.AGREED
                                ? Facts.ALL
                                : s.constitution().mou() == MouStatus.DRAFTED ? Facts.SOME : Facts.NONE));
    }

    private DerivedMilestones() {}

    /** The milestones that derive themselves, in the catalogue's order. */
    static Set<MilestoneCode> derived() {
        return Collections.unmodifiableSet(RULES.keySet());
    }

    /** What completes the milestone, in words; empty for a milestone moved by hand. */
    static Optional<String> completesWhen(MilestoneCode milestone) {
        return Optional.ofNullable(RULES.get(milestone)).map(Rule::completesWhen);
    }

    static Facts facts(MilestoneCode milestone, State state) {
        Rule rule = RULES.get(milestone);
        if (rule == null) {
            throw new IllegalArgumentException(milestone + " is not derived");
        }
        return rule.facts().apply(state);
    }

    private static Facts dueDiligenceComplete(State s) {
        boolean signedOff = s.dueDiligence().stage() == DueDiligence.Stage.SIGNED_OFF;
        boolean allAgreed = s.agreedSchemes().containsAll(s.predecessors());
        return signedOff && allAgreed
                ? Facts.ALL
                : signedOff || !s.agreedSchemes().isEmpty() || s.dueDiligence().hasSignOffs() ? Facts.SOME : Facts.NONE;
    }

    /**
     * A rule that every one of the roles has a fact about it: "recruitment has started for both CHAIR and
     * CHIEF_EXECUTIVE", made from the roles it checks.
     */
    private static Rule roles(String saying, BiPredicate<Board, BoardRole> holds, BoardRole... roles) {
        String names = roles.length == 2
                ? "both " + roles[0] + " and " + roles[1]
                : Arrays.stream(roles, 0, roles.length - 1).map(BoardRole::name).collect(Collectors.joining(", "))
                        + " and " + roles[roles.length - 1];
        return new Rule(saying + " " + names, s -> {
            boolean[] facts = new boolean[roles.length];
            for (int i = 0; i < roles.length; i++) {
                facts[i] = holds.test(s.board(), roles[i]);
            }
            return of(facts);
        });
    }

    private static Facts of(boolean... facts) {
        int holding = 0;
        for (boolean fact : facts) {
            if (fact) {
                holding++;
            }
        }
        return holding == facts.length ? Facts.ALL : holding > 0 ? Facts.SOME : Facts.NONE;
    }
}
