package uk.nhs.ics.transition.web.problem;

/** A request whose content is beyond a declared limit (a register with too many rows): answered with 413. */
public class PayloadTooLarge extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLarge(String message) {
        super(message, null, false, false);
    }
}
