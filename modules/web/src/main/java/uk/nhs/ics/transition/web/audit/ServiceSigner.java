package uk.nhs.ics.transition.web.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs what the service vouches for, for readers outside it: an evidence pack's manifest and the ledger's digest. A
 * JWS (RFC 7515, compact serialisation) with RS256 and the service's signing key, named by its RFC 7638 thumbprint
 * ({@code kid}), which is also the fingerprint people compare; the public key travels in the header too ({@code jwk}),
 * so a pack can be checked where the published keys cannot be fetched, and the published key set
 * ({@code GET /api/v1/audit/keys}) says whether that key is the service's. Retired keys stay published, so what they
 * signed can still be checked.
 */
public class ServiceSigner {

    /** The media type of a JWS in compact serialisation (RFC 7515, section 9.2.1). */
    public static final String JOSE = "application/jose";

    private final RSAKey key;
    private final RSASSASigner signer;
    private final JWKSet published;

    /**
     * @param key the current signing key, with its private part; its {@code kid} must be its thumbprint
     * @param retired public keys that signed before it and stay published
     */
    public ServiceSigner(RSAKey key, List<RSAKey> retired) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("the signing key has no private part");
        }
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key cannot sign: " + e.getMessage(), e);
        }
        List<JWK> keys = new ArrayList<>();
        keys.add(publicPart(key));
        retired.stream()
                .map(ServiceSigner::publicPart)
                .filter(k -> !k.getKeyID().equals(key.getKeyID()))
                .forEach(keys::add);
        this.published = new JWKSet(keys);
    }

    private static RSAKey publicPart(RSAKey key) {
        try {
            return new RSAKey.Builder(key.toRSAPublicKey())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(thumbprint(key))
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** The key's RFC 7638 thumbprint (SHA-256, base64url): its id and the fingerprint to compare. */
    public static String thumbprint(RSAKey key) {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }

    /** The current key's id (its thumbprint). */
    public String keyId() {
        return thumbprint(key);
    }

    /**
     * Signs the payload as it is, byte for byte.
     *
     * @param type the JWS {@code typ}, saying what is signed (e.g. {@code ics-transition-manifest+json})
     * @return the JWS in compact serialisation
     */
    public String sign(byte[] payload, String type) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(type))
                .keyID(keyId())
                .jwk(publicPart(key))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
        return jws.serialize();
    }

    /** The published key set: the current key and the retired ones, public parts only. */
    public Map<String, Object> publishedKeys() {
        return published.toJSONObject(true);
    }
}
