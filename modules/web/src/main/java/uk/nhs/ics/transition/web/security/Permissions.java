package uk.nhs.ics.transition.web.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;

/**
 * The "who may do what" table of the domain specification:
 *
 * <table>
 *   <caption>actors and what they may do</caption>
 *   <tr><th>programme manager of an ICS</th><td>record progress on that ICS; record the transfer items of its
 *       CCGs; agree schemes for those CCGs and for that ICS as a receiver; read that ICS and those CCGs</td></tr>
 *   <tr><th>regional oversight team</th><td>read everything in its regions; approve or return constitutions,
 *       agree MoUs and add assurance comments there</td></tr>
 *   <tr><th>national programme team</th><td>what regional teams may, nationally; legislative milestones;
 *       re-baselining; operations</td></tr>
 *   <tr><th>auditor</th><td>read everything, including the audit trail; change nothing</td></tr>
 * </table>
 *
 * When several roles allow an action, the most local one is the one recorded.
 */
public class Permissions {

    private final ReferenceData reference;

    public Permissions(ReferenceData reference) {
        this.reference = reference;
    }

    /** The grant that allows the caller to do the action on the target (an ICS, CCG or region code), if any. */
    public Optional<Grant> check(Caller caller, Action action, String target) {
        return switch (action) {
            case READ_REFERENCE ->
                first(caller, Role.NATIONAL_PROGRAMME, Role.AUDITOR, Role.REGIONAL_OVERSIGHT, Role.PROGRAMME_MANAGER);
            case READ_NATIONAL, OBSERVE_OPERATIONS -> first(caller, Role.NATIONAL_PROGRAMME, Role.AUDITOR);
            case READ_AUDIT -> first(caller, Role.AUDITOR, Role.NATIONAL_PROGRAMME);
            case DIRECT_PROGRAMME, OPERATE -> first(caller, Role.NATIONAL_PROGRAMME);
            case READ_ICS -> readIcs(caller, target);
            case READ_EVIDENCE -> evidenceOf(caller, target);
            case READ_CCG -> readCcg(caller, target);
            case READ_REGION -> readRegion(caller, target);
            case RECORD_ICS_PROGRESS -> managerOf(caller, target);
            case OVERSEE_ICS -> overseerOf(caller, target);
            case RECORD_TRANSFER -> icsOfCcg(target).flatMap(ics -> managerOf(caller, ics));
            case AGREE_TRANSFER ->
                receiversOf(target).stream()
                        .map(ics -> managerOf(caller, ics))
                        .flatMap(Optional::stream)
                        .findFirst();
        };
    }

    /** The ICSs the caller may read, as a test on ICS codes. */
    public Predicate<String> readableSystems(Caller caller) {
        return ics -> readIcs(caller, ics).isPresent();
    }

    /** The CCGs the caller may read, as a test on CCG codes. */
    public Predicate<String> readableCcgs(Caller caller) {
        return ccg -> readCcg(caller, ccg).isPresent();
    }

    /** Whether the code names an ICS of the programme. */
    public boolean isIcs(String code) {
        return code != null
                && code.matches(IcsCode.PATTERN)
                && reference.ics(IcsCode.of(code)).isPresent();
    }

    /** Whether the code names a CCG of the programme. */
    public boolean isCcg(String code) {
        return code != null
                && code.matches(CcgCode.PATTERN)
                && reference.ccg(CcgCode.of(code)).isPresent();
    }

    /** Whether the code names a region. */
    public boolean isRegion(String code) {
        return code != null
                && code.matches(RegionCode.PATTERN)
                && reference.region(RegionCode.of(code)).isPresent();
    }

    /** The programme manager's grant for the ICS. */
    public Optional<Grant> managerOf(Caller caller, String ics) {
        return caller.has(Role.PROGRAMME_MANAGER) && caller.ics().contains(ics)
                ? Optional.of(new Grant(Role.PROGRAMME_MANAGER, ics))
                : Optional.empty();
    }

    private Optional<Grant> readIcs(Caller caller, String ics) {
        Optional<Grant> manager = managerOf(caller, ics);
        if (manager.isPresent()) {
            return manager;
        }
        return regionOf(ics)
                .flatMap(region -> readRegion(caller, region))
                .or(() -> first(caller, Role.NATIONAL_PROGRAMME, Role.AUDITOR));
    }

    /** An evidence pack is for assurance: not for the programme managers whose work it shows. */
    private Optional<Grant> evidenceOf(Caller caller, String ics) {
        return regionOf(ics)
                .flatMap(region ->
                        caller.has(Role.REGIONAL_OVERSIGHT) && caller.regions().contains(region)
                                ? Optional.of(new Grant(Role.REGIONAL_OVERSIGHT, region))
                                : Optional.empty())
                .or(() -> first(caller, Role.AUDITOR, Role.NATIONAL_PROGRAMME));
    }

    private Optional<Grant> readCcg(Caller caller, String ccg) {
        for (String ics : receiversOf(ccg)) {
            Optional<Grant> grant = readIcs(caller, ics);
            if (grant.isPresent()) {
                return grant;
            }
        }
        return first(caller, Role.NATIONAL_PROGRAMME, Role.AUDITOR);
    }

    private Optional<Grant> readRegion(Caller caller, String region) {
        if (caller.has(Role.REGIONAL_OVERSIGHT) && caller.regions().contains(region)) {
            return Optional.of(new Grant(Role.REGIONAL_OVERSIGHT, region));
        }
        return first(caller, Role.NATIONAL_PROGRAMME, Role.AUDITOR);
    }

    private Optional<Grant> overseerOf(Caller caller, String ics) {
        Optional<String> region = regionOf(ics);
        if (caller.has(Role.REGIONAL_OVERSIGHT)
                && region.isPresent()
                && caller.regions().contains(region.get())) {
            return Optional.of(new Grant(Role.REGIONAL_OVERSIGHT, region.get()));
        }
        return first(caller, Role.NATIONAL_PROGRAMME);
    }

    private static Optional<Grant> first(Caller caller, Role... roles) {
        for (Role role : roles) {
            if (caller.has(role)) {
                return Optional.of(new Grant(role, null));
            }
        }
        return Optional.empty();
    }

    private Optional<String> regionOf(String ics) {
        return isIcs(ics) ? reference.ics(IcsCode.of(ics)).map(i -> i.region().value()) : Optional.empty();
    }

    /** The ICS a CCG belonged to. */
    public Optional<String> icsOfCcg(String ccg) {
        return isCcg(ccg) ? reference.ccg(CcgCode.of(ccg)).map(c -> c.ics().value()) : Optional.empty();
    }

    /** The CCG's own ICS and any ICS a boundary change lets it send to. */
    private List<String> receiversOf(String ccg) {
        return isCcg(ccg)
                ? reference.possibleReceiversOf(CcgCode.of(ccg)).stream()
                        .map(IcsCode::value)
                        .toList()
                : List.of();
    }
}
