package uk.nhs.ics.transition.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.web.security.DevTokenIssuer;
import uk.nhs.ics.transition.web.security.Role;

/**
 * {@code /sign-in/dev}: on the embedded default only (where development tokens exist, and the service listens on
 * loopback), a person picks a name, a role and its scope, and is signed in as if the identity provider had said so.
 * The session holds the claims of a development token, issued and verified exactly as the API's are, in the form the
 * identity provider's sign-in takes, so a page sees the same caller the API (or the identity provider) would. With an identity provider configured this page does not exist (404).
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ics.security.dev-tokens", havingValue = "true")
@RequestMapping("/sign-in/dev")
class DevSignInController {

    private final DevTokenIssuer issuer;
    private final JwtDecoder decoder;
    private final ReferenceData reference;
    private final PageModelAdvice common;
    /** The name the session's sign-in is recorded under, as a client registration's would be. */
    static final String REGISTRATION = "development";

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    DevSignInController(DevTokenIssuer issuer, JwtDecoder decoder, ReferenceData reference, PageModelAdvice common) {
        this.issuer = issuer;
        this.decoder = decoder;
        this.reference = reference;
        this.common = common;
    }

    /**
     * What the form asks.
     *
     * @param name the person's name
     * @param role the role to sign in with
     * @param region the region a regional team oversees
     * @param ics the ICS a programme manager manages
     */
    public record Form(String name, String role, String region, String ics) {

        /** The role chosen, if it is one. */
        Role chosenRole() {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    return known;
                }
            }
            return null;
        }
    }

    @GetMapping
    String form(Model model) {
        return page(new Form("", "", "", ""), Map.of(), model);
    }

    @PostMapping
    String signIn(@ModelAttribute Form form, HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(form, errors, model);
        }
        String name = form.name().strip();
        Role role = form.chosenRole();
        List<String> regions = role == Role.REGIONAL_OVERSIGHT ? List.of(form.region()) : List.of();
        List<String> ics = role == Role.PROGRAMME_MANAGER ? List.of(form.ics()) : List.of();
        Jwt jwt = decoder.decode(issuer.issue(subject(name), name, List.of(role.name()), ics, regions));
        // held in the session as the identity provider's sign-in is (a bearer token's authentication never is)
        List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(
                new DefaultOAuth2User(authorities, jwt.getClaims(), "sub"), authorities, REGISTRATION);

        SavedRequest wanted = requests.getRequest(request, response);
        // a new session for the signed-in person: nothing of the anonymous one (its id, its CSRF token) carries over
        HttpSession anonymous = request.getSession(false);
        if (anonymous != null) {
            anonymous.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        if (wanted != null
                && PageSecurityConfiguration.isPage(
                        URI.create(wanted.getRedirectUrl()).getPath())) {
            return "redirect:" + wanted.getRedirectUrl();
        }
        Viewer viewer = common.viewer();
        return "redirect:" + (viewer == null ? "/" : viewer.home());
    }

    private String page(Form form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("regions", reference.regions());
        model.addAttribute(
                "systems",
                reference.systems().stream()
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList());
        return "pages/sign-in-dev";
    }

    private Map<String, String> errors(Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.put("name", "Enter your name");
        } else if (form.name().strip().length() > 100) {
            errors.put("name", "Your name must be 100 characters or fewer");
        }
        Role role = form.chosenRole();
        if (role == null) {
            errors.put("role", "Select the role you want to sign in with");
        } else if (role == Role.REGIONAL_OVERSIGHT
                && reference.regions().stream().noneMatch(r -> r.code().value().equals(form.region()))) {
            errors.put("region", "Select the region you oversee");
        } else if (role == Role.PROGRAMME_MANAGER
                && reference.systems().stream().noneMatch(i -> i.code().value().equals(form.ics()))) {
            errors.put("ics", "Select the ICS you manage");
        }
        return errors;
    }

    /** The identifier recorded for the person: their name in lower case, words joined by dots. */
    static String subject(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.toLowerCase(Locale.UK).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words.isEmpty() ? "dev.user" : String.join(".", words);
    }
}
