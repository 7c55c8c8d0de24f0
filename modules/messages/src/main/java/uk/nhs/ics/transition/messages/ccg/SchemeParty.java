package uk.nhs.ics.transition.messages.ccg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * A party whose agreement a transfer scheme needs: the CCG itself (its accountable officer), or a receiving ICS
 * (its designate chief executive). Written {@code CCG} or the ICS code.
 */
public record SchemeParty(@JsonValue String value) {

    public static final SchemeParty CCG = new SchemeParty("CCG");

    @JsonCreator
    public SchemeParty {
        if (value == null || !(value.equals("CCG") || value.matches("Q[A-Z0-9]{2}"))) {
            throw RuleViolation.invalid("party", "party must be CCG or a receiving ICS code such as QKS");
        }
    }

    public static SchemeParty ics(IcsCode ics) {
        return new SchemeParty(ics.value());
    }

    public boolean isCcg() {
        return value.equals("CCG");
    }

    /** The receiving ICS this party stands for; only for a party that is not the CCG. */
    public IcsCode ics() {
        return IcsCode.of(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
