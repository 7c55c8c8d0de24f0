package uk.nhs.ics.transition.projections.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import uk.nhs.ics.transition.messages.ccg.TransferItemKind;

/**
 * One live item of a transfer scheme. Money is whole pence; whole-time equivalents have two decimals.
 *
 * @param ccgCode the CCG whose scheme it is
 * @param itemId the item, e.g. {@code T-12}
 * @param receivingIcs the ICS it transfers to
 * @param kind STAFF, ASSET, LIABILITY or CONTRACT
 * @param description what it is
 * @param counterparty a contract's other party
 * @param valuePence an asset's net book value or a liability's value
 * @param annualValuePence a contract's annual value
 * @param endDate when a contract ends
 * @param novationRequired whether a contract must be novated
 * @param headcount a staff group's headcount
 * @param wte a staff group's whole-time equivalents
 * @param reference the CCG's own reference of the item, if it has one
 * @param staffGroup a staff group's NHS staff group, if recorded
 */
public record TransferItemView(
        String ccgCode,
        String itemId,
        String receivingIcs,
        TransferItemKind kind,
        String description,
        String counterparty,
        Long valuePence,
        Long annualValuePence,
        LocalDate endDate,
        Boolean novationRequired,
        Integer headcount,
        BigDecimal wte,
        String reference,
        String staffGroup) {}
