package uk.nhs.ics.transition.projections.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.board.BoardQueries;
import uk.nhs.ics.transition.projections.board.BoardView;
import uk.nhs.ics.transition.projections.constitution.ConstitutionQueries;
import uk.nhs.ics.transition.projections.constitution.ConstitutionView;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceQueries;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceView;
import uk.nhs.ics.transition.projections.reference.IcsIdentity;
import uk.nhs.ics.transition.projections.reference.ReferenceDataQueries;

/** Puts one ICS's detail together from the read models, all as of the same knowledge time. */
public class SystemDetailQueries {

    private final ReferenceDataQueries reference;
    private final ReadinessQueries readiness;
    private final BoardQueries board;
    private final DueDiligenceQueries dueDiligence;
    private final ConstitutionQueries constitution;

    public SystemDetailQueries(
            ReferenceDataQueries reference,
            ReadinessQueries readiness,
            BoardQueries board,
            DueDiligenceQueries dueDiligence,
            ConstitutionQueries constitution) {
        this.reference = reference;
        this.readiness = readiness;
        this.board = board;
        this.dueDiligence = dueDiligence;
        this.constitution = constitution;
    }

    public Optional<SystemDetail> detail(String ics, LocalDate at, AsOf asOf) {
        Optional<IcsIdentity> identity = reference.ics(ics, asOf);
        Optional<IcsRating> rating = readiness.rating(ics, at, asOf);
        if (identity.isEmpty() || rating.isEmpty()) {
            return Optional.empty();
        }
        Optional<BoardView> seats = board.board(ics, asOf);
        Optional<ConstitutionView> constitutionView = constitution.constitution(ics, asOf);
        return Optional.of(new SystemDetail(
                identity.get(),
                at,
                asOf.instant().orElse(null),
                rating.get(),
                seats.map(BoardView::meetsMinimum).orElse(false),
                seats.map(BoardView::gaps).orElse(List.of()),
                dueDiligence
                        .dueDiligence(ics, asOf)
                        .map(DueDiligenceView::status)
                        .orElse(null),
                constitutionView.map(ConstitutionView::status).orElse(null),
                constitutionView.map(c -> c.mou().status()).orElse(null)));
    }
}
