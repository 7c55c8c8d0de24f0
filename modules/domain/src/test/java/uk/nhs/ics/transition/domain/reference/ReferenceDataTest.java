package uk.nhs.ics.transition.domain.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;

/** The reference data the service carries is the real 2021/22 programme. */
class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.load();

    @Test
    void it_holds_seven_regions_forty_two_systems_106_ccgs_and_four_boundary_changes() {
        assertThat(data.regions()).hasSize(7);
        assertThat(data.systems()).hasSize(42);
        assertThat(data.ccgs()).hasSize(106);
        assertThat(data.boundaryChanges()).hasSize(4);
    }

    @Test
    void names_with_commas_are_read_whole() {
        assertThat(data.ccg(CcgCode.of("01D")).orElseThrow().name())
                .isEqualTo("NHS Heywood, Middleton and Rochdale CCG");
    }

    @Test
    void kent_and_medway_is_in_the_south_east_with_one_ccg() {
        assertThat(data.ics(IcsCode.of("QKS")).orElseThrow().region()).isEqualTo(RegionCode.of("Y59"));
        assertThat(data.predecessorsOf(IcsCode.of("QKS"))).containsExactly(CcgCode.of("91Q"));
    }

    @Test
    void derbyshire_receives_from_its_own_ccg_and_from_tameside_and_glossop_for_glossop() {
        assertThat(data.predecessorsOf(IcsCode.of("QJ2"))).containsExactly(CcgCode.of("01Y"), CcgCode.of("15M"));
        assertThat(data.possibleReceiversOf(CcgCode.of("01Y"))).containsExactly(IcsCode.of("QOP"), IcsCode.of("QJ2"));
    }

    @Test
    void a_ccg_without_a_boundary_change_can_send_only_to_its_own_ics() {
        assertThat(data.possibleReceiversOf(CcgCode.of("91Q"))).containsExactly(IcsCode.of("QKS"));
    }

    @Test
    void the_regions_hold_all_systems_between_them() {
        int total = data.regions().stream()
                .mapToInt(region -> data.systemsIn(region.code()).size())
                .sum();
        assertThat(total).isEqualTo(42);
    }
}
