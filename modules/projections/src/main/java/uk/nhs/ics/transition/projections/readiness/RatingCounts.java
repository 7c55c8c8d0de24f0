package uk.nhs.ics.transition.projections.readiness;

import java.util.Collection;
import uk.nhs.ics.transition.domain.readiness.Rating;

/** How many ICSs have each rating: counted, never averaged away. */
public record RatingCounts(int green, int amber, int red) {

    public static RatingCounts of(Collection<Rating> ratings) {
        int green = 0;
        int amber = 0;
        int red = 0;
        for (Rating rating : ratings) {
            switch (rating) {
                case GREEN -> green++;
                case AMBER -> amber++;
                case RED -> red++;
            }
        }
        return new RatingCounts(green, amber, red);
    }

    public int total() {
        return green + amber + red;
    }
}
