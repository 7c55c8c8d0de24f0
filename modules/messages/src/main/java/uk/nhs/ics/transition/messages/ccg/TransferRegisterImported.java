package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/**
 * A register was imported into the scheme; the item changes it made follow this event, in the same transaction.
 * Who imported it travels in the metadata, as for every change.
 *
 * @param fileName the file's name as uploaded
 * @param sha256 the SHA-256 of the file's bytes
 * @param rows how many rows it had
 * @param added items added
 * @param amended items amended
 * @param unchanged rows that changed nothing
 * @param withdrawn live items withdrawn because the register left them out
 * @param reason why it was imported, if given
 */
@Revision("1")
public record TransferRegisterImported(
        CcgCode ccgCode,
        String fileName,
        String sha256,
        int rows,
        int added,
        int amended,
        int unchanged,
        int withdrawn,
        String reason)
        implements CcgEvent {}
