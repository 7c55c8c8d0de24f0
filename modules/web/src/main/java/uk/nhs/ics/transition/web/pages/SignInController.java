package uk.nhs.ics.transition.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sign-in}: the ways a person can sign in here. In production, the identity provider (one link per client
 * registration); on the embedded default, the development sign-in page; with neither, it says so (scripts can still
 * send a bearer token).
 */
@Controller
@Hidden
class SignInController {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<DevSignInController> devSignIn;
    private final PageModelAdvice common;

    SignInController(
            ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<DevSignInController> devSignIn,
            PageModelAdvice common) {
        this.registrations = registrations;
        this.devSignIn = devSignIn;
        this.common = common;
    }

    /** A way to sign in: where it goes and what it is called. */
    public record Provider(String name, String href) {}

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        Viewer viewer = common.viewer();
        if (viewer != null) {
            return "redirect:" + viewer.home();
        }
        List<Provider> providers = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(
                        new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("devSignIn", devSignIn.getIfAvailable() != null);
        model.addAttribute("signedOut", signedOut != null);
        return "pages/sign-in";
    }
}
