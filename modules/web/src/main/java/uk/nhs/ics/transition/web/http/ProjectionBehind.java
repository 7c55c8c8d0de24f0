package uk.nhs.ics.transition.web.http;

/** A read asked for a version ({@code X-Min-Version}) the read model did not reach in time: answered with 503. */
public class ProjectionBehind extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProjectionBehind(String message) {
        super(message, null, false, false);
    }
}
