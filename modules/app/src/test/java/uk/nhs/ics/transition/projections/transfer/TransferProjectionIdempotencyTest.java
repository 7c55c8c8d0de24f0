package uk.nhs.ics.transition.projections.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.Money;

/** Items are added, replaced and ended version by version, idempotently (called directly; ZZZ is fictional). */
class TransferProjectionIdempotencyTest extends EndToEndTest {

    private static final CcgCode ZZZ = CcgCode.of("ZZZ");
    private static final TransferItemId T1 = TransferItemId.number(1);

    @Autowired
    TransferSchemeProjection projection;

    @Test
    void an_item_added_amended_and_withdrawn_ends_the_same_whatever_is_seen_twice() {
        Instant t = Instant.parse("2022-02-01T09:00:00Z");
        TransferItemAdded added = new TransferItemAdded(
                ZZZ, T1, IcsCode.of("QZZ"), new TransferItemDetails.Asset("Building", Money.pence(100)));
        TransferItemAmended amended = new TransferItemAmended(
                ZZZ, T1, IcsCode.of("QZZ"), new TransferItemDetails.Asset("Building", Money.pence(150)));
        TransferItemWithdrawn withdrawn = new TransferItemWithdrawn(ZZZ, T1, "duplicate");

        projection.on(added, 1, t);
        projection.on(amended, 2, t.plusSeconds(1));
        List<Map<String, Object>> amendedOnce = rows();
        projection.on(added, 1, t);
        projection.on(amended, 2, t.plusSeconds(1));
        assertThat(rows()).isEqualTo(amendedOnce);
        assertThat(amendedOnce).hasSize(2);
        assertThat(amendedOnce.get(1)).containsEntry("value_pence", 150L).containsEntry("valid_to", null);

        projection.on(withdrawn, 3, t.plusSeconds(2));
        List<Map<String, Object>> withdrawnOnce = rows();
        projection.on(withdrawn, 3, t.plusSeconds(2));
        projection.on(amended, 2, t.plusSeconds(1));

        assertThat(rows()).isEqualTo(withdrawnOnce);
        assertThat(withdrawnOnce)
                .allSatisfy(row -> assertThat(row.get("valid_to")).isNotNull());
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("""
                        SELECT value_pence, valid_from, valid_to, version FROM transfer_item
                         WHERE ccg_code = 'ZZZ' AND item_id = 'T-1' ORDER BY version""").query().listOfRows();
    }
}
