package uk.nhs.ics.transition.web.problem;

/**
 * One invalid input.
 *
 * @param field where it was: a JSON path such as {@code evidence[0].reference}, or a parameter name
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
