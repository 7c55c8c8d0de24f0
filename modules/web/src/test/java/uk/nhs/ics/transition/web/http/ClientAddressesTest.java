package uk.nhs.ics.transition.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    @Test
    void without_trusted_proxies_x_forwarded_for_is_ignored() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        assertThat(addresses.of(request("10.0.0.5", "203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void from_a_trusted_proxy_the_client_is_the_last_untrusted_hop() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(request("10.0.0.5", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("10.0.0.5", "198.51.100.1, 203.0.113.7, 10.1.2.3")))
                .as("a forged first hop is not believed: the proxy saw 203.0.113.7")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void from_anyone_else_x_forwarded_for_is_ignored() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(request("192.0.2.9", "203.0.113.7"))).isEqualTo("192.0.2.9");
    }

    @Test
    void a_hop_that_is_not_an_address_is_not_believed() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(request("10.0.0.5", "evil.example"))).isEqualTo("10.0.0.5");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
