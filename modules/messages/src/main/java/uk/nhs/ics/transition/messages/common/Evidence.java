package uk.nhs.ics.transition.messages.common;

/** One piece of evidence that a manual milestone is complete: a document reference or link, and what it shows. */
public record Evidence(String reference, String description) {

    public Evidence {
        reference = Checks.text(reference, "reference", Checks.SHORT_TEXT);
        description = Checks.text(description, "description", Checks.LONG_TEXT);
    }
}
