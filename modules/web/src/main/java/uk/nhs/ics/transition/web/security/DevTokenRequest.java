package uk.nhs.ics.transition.web.security;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * What a development token should say about its holder.
 *
 * @param sub the person's identifier
 * @param name their display name
 * @param roles any of {@code PROGRAMME_MANAGER}, {@code REGIONAL_OVERSIGHT}, {@code NATIONAL_PROGRAMME},
 *     {@code AUDITOR}
 * @param ics the ICS codes a programme manager may change
 * @param regions the region codes a regional team oversees
 */
@Schema(
        example = "{\"sub\": \"jane.smith\", \"name\": \"Jane Smith\", \"roles\": [\"REGIONAL_OVERSIGHT\"],"
                + " \"ics\": [], \"regions\": [\"Y59\"]}")
public record DevTokenRequest(
        @NotBlank @Size(max = Checks.SHORT_TEXT) String sub,
        @Size(max = Checks.SHORT_TEXT) String name,
        @NotEmpty @Size(max = 4) List<@NotNull Role> roles,

        @Size(max = 42) List<@Pattern(regexp = IcsCode.PATTERN, message = "must be an ICS code such as QKS") String> ics,

        @Size(max = 7) List<@Pattern(regexp = RegionCode.PATTERN, message = "must be a region code such as Y59") String> regions) {

    public DevTokenRequest {
        if (sub != null && sub.strip().equalsIgnoreCase(MetadataKeys.SYSTEM_ACTOR)) {
            throw RuleViolation.invalid("sub", "sub '" + MetadataKeys.SYSTEM_ACTOR + "' is reserved for the service");
        }
        ics = ics == null ? List.of() : List.copyOf(ics);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}
