package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/** One party agreed the scheme as it stood. */
@Revision("1")
public record TransferSchemePartyAgreed(CcgCode ccgCode, SchemeParty party, String signatory) implements CcgEvent {}
