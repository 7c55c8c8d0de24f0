package uk.nhs.ics.transition.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind a request, as recorded in the audit trail and used to tell anonymous callers
 * apart. {@code X-Forwarded-For} is believed only when the request comes from a configured trusted proxy
 * ({@code ics.web.trusted-proxies}, addresses or CIDR ranges); then the client is the last address in it, read from the
 * right, that is not itself a trusted proxy. Anyone else's {@code X-Forwarded-For} is ignored, so no caller can put
 * another address in the trail.
 */
public final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpAddressMatcher> trusted;

    /** @param trustedProxies addresses or CIDR ranges, e.g. {@code 10.0.0.0/8}; empty for none */
    public ClientAddresses(List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (proxy != null && !proxy.isBlank()) {
                matchers.add(new IpAddressMatcher(proxy.strip()));
            }
        }
        this.trusted = List.copyOf(matchers);
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isAddress(hop)) {
                return remote;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private boolean isTrusted(String address) {
        if (!isAddress(address)) {
            return false;
        }
        return trusted.stream().anyMatch(matcher -> matcher.matches(address));
    }

    /** A literal IPv4 or IPv6 address (never a name to resolve). */
    private static boolean isAddress(String text) {
        return text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || text.matches("[0-9A-Fa-f:]{2,39}") && text.contains(":");
    }
}
