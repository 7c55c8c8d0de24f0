package uk.nhs.ics.transition.web.pages;

import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Permissions;

/**
 * Who may see which page: the API's own table of who may do what ({@link Permissions}), applied as the API's
 * {@code @Requires} applies it: an organisation the programme does not have is 404, one the caller may not read is
 * 403. A regional team sees its region, a programme manager their ICS, the national team and auditors everything;
 * the audit page is for auditors and the national team, as the trail's API is.
 */
@Component
class PageAccess {

    private final Permissions permissions;

    PageAccess(Permissions permissions) {
        this.permissions = permissions;
    }

    Grant national(Caller caller) {
        return check(caller, Action.READ_NATIONAL, null, "the national overview");
    }

    Grant audit(Caller caller) {
        return check(caller, Action.READ_AUDIT, null, "the audit trail");
    }

    Grant region(Caller caller, String code) {
        if (!permissions.isRegion(code)) {
            throw new PageNotFound("There is no region " + code + ".");
        }
        return check(caller, Action.READ_REGION, code, "region " + code);
    }

    Grant system(Caller caller, String code) {
        if (!permissions.isIcs(code)) {
            throw new PageNotFound("There is no ICS " + code + ".");
        }
        return check(caller, Action.READ_ICS, code, "ICS " + code);
    }

    Grant ccg(Caller caller, String code) {
        if (!permissions.isCcg(code)) {
            throw new PageNotFound("There is no CCG " + code + ".");
        }
        return check(caller, Action.READ_CCG, code, "CCG " + code);
    }

    /** Whether the caller may read an ICS (to link to it, or count it). */
    Predicate<String> readableSystems(Caller caller) {
        return permissions.readableSystems(caller);
    }

    /** Whether the caller may read a region (to link to it). */
    boolean mayReadRegion(Caller caller, String code) {
        return permissions.check(caller, Action.READ_REGION, code).isPresent();
    }

    /** Whether the caller may read the audit trail (to offer it). */
    boolean mayAudit(Caller caller) {
        return permissions.check(caller, Action.READ_AUDIT, null).isPresent();
    }

    /** Whether the caller may read the national overview. */
    boolean mayReadNational(Caller caller) {
        return permissions.check(caller, Action.READ_NATIONAL, null).isPresent();
    }

    boolean isRegion(String code) {
        return permissions.isRegion(code);
    }

    boolean isIcs(String code) {
        return permissions.isIcs(code);
    }

    private Grant check(Caller caller, Action action, String target, String what) {
        return permissions
                .check(caller, action, target)
                .orElseThrow(() -> new PageForbidden("Your roles do not let you see " + what + "."));
    }
}
