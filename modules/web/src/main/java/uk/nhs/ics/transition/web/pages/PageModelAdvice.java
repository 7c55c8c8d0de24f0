package uk.nhs.ics.transition.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.CallerArgumentResolver;
import uk.nhs.ics.transition.web.security.Role;

/** What every page's layout needs: the formats, and who is signed in with where they may go. */
@ControllerAdvice(basePackageClasses = PageModelAdvice.class)
class PageModelAdvice {

    static final Formats FORMATS = new Formats();

    private final PageAccess access;
    private final ReferenceData reference;

    PageModelAdvice(PageAccess access, ReferenceData reference) {
        this.access = access;
        this.reference = reference;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("fmt", FORMATS);
        model.addAttribute("viewer", viewer());
    }

    /** The signed-in person, or null on the sign-in page. */
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Caller caller;
        try {
            caller = CallerArgumentResolver.current();
        } catch (IllegalStateException notACaller) {
            return null;
        }
        List<Viewer.Link> places = new ArrayList<>();
        List<String> capacities = new ArrayList<>();
        if (access.mayReadNational(caller)) {
            places.add(new Viewer.Link("National overview", "/"));
        }
        if (caller.has(Role.NATIONAL_PROGRAMME)) {
            capacities.add("National programme team");
        }
        if (caller.has(Role.AUDITOR)) {
            capacities.add("Auditor");
        }
        if (caller.has(Role.REGIONAL_OVERSIGHT)) {
            List<String> names = new ArrayList<>();
            for (String region :
                    caller.regions().stream().filter(access::isRegion).sorted().toList()) {
                String name = reference
                        .region(RegionCode.of(region))
                        .map(ReferenceData.Region::name)
                        .orElse(region);
                names.add(name);
                if (!access.mayReadNational(caller)) {
                    places.add(new Viewer.Link(name, "/regions/" + region));
                }
            }
            capacities.add("Regional oversight: " + String.join(", ", names));
        }
        if (caller.has(Role.PROGRAMME_MANAGER)) {
            List<String> names = new ArrayList<>();
            for (String code :
                    caller.ics().stream().filter(access::isIcs).sorted().toList()) {
                ReferenceData.Ics ics = reference.ics(IcsCode.of(code)).orElseThrow();
                names.add(ics.name());
                if (!access.mayReadNational(caller)
                        && !access.mayReadRegion(caller, ics.region().value())) {
                    places.add(new Viewer.Link(ics.name(), "/systems/" + code));
                }
            }
            capacities.add("Programme manager: " + String.join(", ", names));
        }
        if (access.mayAudit(caller)) {
            places.add(new Viewer.Link("Audit trail", "/audit"));
        }
        String home = places.isEmpty() ? "/" : places.get(0).href();
        return new Viewer(
                caller.name(),
                capacities.isEmpty() ? "No role in the programme" : String.join("; ", capacities),
                home,
                places,
                // a bearer token's authentication lives for one request: there is no session to end
                !(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>));
    }
}
