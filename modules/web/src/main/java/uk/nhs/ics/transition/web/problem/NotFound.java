package uk.nhs.ics.transition.web.problem;

/** Something a request names does not exist (an ICS, a CCG, a milestone, a seat): answered with 404. */
public class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
