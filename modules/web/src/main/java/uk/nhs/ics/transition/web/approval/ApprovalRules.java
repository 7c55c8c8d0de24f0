package uk.nhs.ics.transition.web.approval;

import java.util.Optional;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Permissions;

/**
 * Who may decide a request: whoever may take the action itself, for the same organisation (the "who may do what"
 * table, {@link Permissions}). A due diligence sign-off is decided by another of the ICS's programme managers; a
 * constitution's approval or return by the regional or national team; a re-baseline, a replay or a retry by another
 * of the national team; a scheme's agreement by another programme manager of the agreeing party.
 */
public class ApprovalRules {

    private final Permissions permissions;

    public ApprovalRules(Permissions permissions) {
        this.permissions = permissions;
    }

    /**
     * The grant that lets the caller take (and so decide) the action for the organisation.
     *
     * @param authority the ICS whose people may decide it, or null for a national action
     */
    public Optional<Grant> grant(Caller caller, FourEyesAction action, String authority) {
        return switch (action) {
            case DUE_DILIGENCE_SIGN_OFF -> permissions.check(caller, Action.RECORD_ICS_PROGRESS, authority);
            case CONSTITUTION_APPROVAL, CONSTITUTION_RETURN -> permissions.check(caller, Action.OVERSEE_ICS, authority);
            case REBASELINE -> permissions.check(caller, Action.DIRECT_PROGRAMME, null);
            case TRANSFER_SCHEME_AGREEMENT ->
                authority == null ? Optional.empty() : permissions.managerOf(caller, authority);
            case DEAD_LETTER_RETRY, PROJECTION_REPLAY -> permissions.check(caller, Action.OPERATE, null);
        };
    }
}
