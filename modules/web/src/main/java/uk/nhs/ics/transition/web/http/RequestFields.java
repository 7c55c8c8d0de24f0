package uk.nhs.ics.transition.web.http;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;

/**
 * Where a command names a field differently from the request it is built from (and so from the contract): the one
 * place such names are mapped. A refusal of such a field, whether the command refused to be built or the domain
 * refused to do it, names the request's field, in its {@code field} and in its words.
 */
public final class RequestFields {

    /** Per command, its field names that the request calls otherwise: command field to request field. */
    private static final Map<Class<?>, Map<String, String>> RENAMED =
            Map.of(NamePreferredCandidate.class, Map.of("candidateName", "name"));

    private RequestFields() {}

    /** The failure as the request names its fields: a refusal of a renamed field, renamed; anything else as it is. */
    public static RuntimeException inRequestTerms(Class<?> command, RuntimeException failure) {
        if (!(failure instanceof RuleViolation violation) || violation.field() == null) {
            return failure;
        }
        String renamed = RENAMED.getOrDefault(command, Map.of()).get(violation.field());
        if (renamed == null) {
            return failure;
        }
        String words = violation
                .getMessage()
                .replaceAll("\\b" + Pattern.quote(violation.field()) + "\\b", Matcher.quoteReplacement(renamed));
        return new RuleViolation(violation.code(), renamed, words);
    }
}
