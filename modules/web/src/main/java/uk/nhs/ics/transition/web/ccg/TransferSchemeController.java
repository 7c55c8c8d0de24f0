package uk.nhs.ics.transition.web.ccg;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.ccg.AbolishCcg;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.AmendTransferItem;
import uk.nhs.ics.transition.messages.ccg.EffectTransferScheme;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.VaryTransferScheme;
import uk.nhs.ics.transition.messages.ccg.WithdrawTransferItem;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.transfer.SchemeView;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.projections.transfer.TransferSchemeProjection;
import uk.nhs.ics.transition.web.approval.AwaitsSecondPerson;
import uk.nhs.ics.transition.web.approval.FourEyes;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Permissions;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * A CCG's transfer scheme. The programme managers of the CCG's ICS record its items, variations, effecting and
 * abolition; a receiving ICS's programme managers agree for that ICS.
 */
@RestController
@RequestMapping("/api/v1/ccgs/{ccgCode}")
@Tag(name = "CCG transfer schemes")
public class TransferSchemeController {

    private final TransferQueries transfers;
    private final Permissions permissions;
    private final Reads reads;
    private final FourEyes fourEyes;

    public TransferSchemeController(
            TransferQueries transfers, Permissions permissions, Reads reads, FourEyes fourEyes) {
        this.transfers = transfers;
        this.permissions = permissions;
        this.reads = reads;
        this.fourEyes = fourEyes;
    }

    @GetMapping("/transfer")
    @Requires(value = Action.READ_CCG, target = "ccgCode")
    @VersionedRead
    @Operation(
            operationId = "getTransferScheme",
            description =
                    "The CCG's transfer scheme: its status, the agreements given and still needed, totals per receiving ICS, and its items (paged).",
            summary = "Scheme status, agreements, totals per receiving ICS, and its items (paged)")
    public ResponseEntity<SchemeView> scheme(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(description = Reads.PAGE) @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(
                            description = Reads.SIZE,
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            maximum = "" + PageRequest.MAX_SIZE,
                                            defaultValue = "" + PageRequest.DEFAULT_SIZE))
                    @RequestParam(defaultValue = "50")
                    @Min(1) int size,
            HttpServletRequest request) {
        AsOf knowledge = reads.asOf(asOf);
        if (knowledge.isNow()) {
            reads.awaitMinVersion(request, TransferSchemeProjection.NAME, ccgCode);
        }
        SchemeView view = Reads.found(transfers.scheme(ccgCode, knowledge, new PageRequest(page, size)), "the scheme");
        return reads.versioned(request, view, view.version());
    }

    @PostMapping("/transfer/items")
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "addTransferItem",
            description =
                    "Adds an item to a draft scheme. `kind` says which fields it needs: ASSET and LIABILITY `valuePence`; CONTRACT `counterparty`, `annualValuePence`, `endDate`, `novationRequired`; STAFF `headcount` and `wte`. Without `receivingIcs` it goes to the CCG's own ICS; another ICS only where a boundary change moves the area to it. The answer names it (`itemId`).",
            summary = "Add an item; without receivingIcs it goes to the CCG's own ICS. Answers with its itemId")
    public ResponseEntity<?> add(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Valid @RequestBody TransferRequests.Item body,
            WriteContext write) {
        return write.execute(new AddTransferItem(
                CcgCode.of(ccgCode),
                body.details(),
                receiving(body.receivingIcs()),
                body.itemReference(),
                write.ifMatch()));
    }

    @PostMapping("/transfer/items/{itemId}/amend")
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "amendTransferItem",
            description = "Replaces a live item of a draft scheme: the whole item again.",
            summary = "Replace a live item of a draft scheme (the whole item again)")
    public ResponseEntity<?> amend(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Parameter(description = "A transfer item, as `addTransferItem` named it (such as `T-3`)") @PathVariable
                    String itemId,
            @Valid @RequestBody TransferRequests.Item body,
            WriteContext write) {
        return write.execute(new AmendTransferItem(
                CcgCode.of(ccgCode),
                TransferItemId.of(itemId),
                body.details(),
                receiving(body.receivingIcs()),
                body.itemReference(),
                write.ifMatch()));
    }

    @PostMapping("/transfer/items/{itemId}/withdraw")
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "withdrawTransferItem",
            description = "Withdraws a live item of a draft scheme, with an optional reason.",
            summary = "Withdraw a live item of a draft scheme")
    public ResponseEntity<?> withdraw(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Parameter(description = "A transfer item, as `addTransferItem` named it (such as `T-3`)") @PathVariable
                    String itemId,
            @Valid @RequestBody(required = false) TransferRequests.Withdrawal body,
            WriteContext write) {
        return write.execute(new WithdrawTransferItem(
                CcgCode.of(ccgCode), TransferItemId.of(itemId), body == null ? null : body.reason(), write.ifMatch()));
    }

    @PostMapping("/transfer/agree")
    @Requires(value = Action.AGREE_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @AwaitsSecondPerson
    @Operation(
            operationId = "agreeTransferScheme",
            description =
                    "Agrees the scheme for a party: `CCG` (by the programme managers of its ICS) or a receiving ICS's code (by that ICS's). Once every party has agreed, the scheme is frozen: only variations change it. Its second person (four eyes): another programme manager of the agreeing party.",
            summary = "Agree the scheme for the CCG or for a receiving ICS")
    public ResponseEntity<?> agree(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Valid @RequestBody TransferRequests.Agreement body,
            @Parameter(description = FourEyes.REASON) @RequestParam(required = false) @Size(max = Checks.LONG_TEXT) String reason,
            Caller caller,
            HttpServletRequest request) {
        String partyIcs =
                body.party().equals("CCG") ? permissions.icsOfCcg(ccgCode).orElseThrow() : body.party();
        Grant grant = permissions
                .managerOf(caller, partyIcs)
                .orElseThrow(
                        () -> new AccessDeniedException("only " + partyIcs + "'s programme managers agree for it"));
        return fourEyes.write(
                request,
                caller,
                grant,
                new FourEyes.Ask(
                        FourEyesAction.TRANSFER_SCHEME_AGREEMENT,
                        ccgCode,
                        partyIcs,
                        null,
                        ccgCode,
                        body.party(),
                        "agree " + ccgCode + "'s transfer scheme for "
                                + (body.party().equals("CCG") ? "the CCG" : body.party()) + ": " + body.signatory(),
                        reason,
                        version -> new AgreeTransferScheme(
                                CcgCode.of(ccgCode), new SchemeParty(body.party()), body.signatory(), version)));
    }

    @PostMapping("/transfer/variations")
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "varyTransferScheme",
            description =
                    "Records a variation of an agreed scheme with its reason: an item to add (`item`), to amend (`itemId` and `item`) or to withdraw (`itemId` alone).",
            summary = "Record a variation of an agreed scheme, with its reason")
    public ResponseEntity<?> vary(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Valid @RequestBody TransferRequests.Variation body,
            WriteContext write) {
        return write.execute(new VaryTransferScheme(
                CcgCode.of(ccgCode),
                body.reason(),
                body.itemId() == null ? null : TransferItemId.of(body.itemId()),
                body.item() == null ? null : body.item().details(),
                body.item() == null ? null : receiving(body.item().receivingIcs()),
                body.item() == null ? null : body.item().itemReference(),
                write.ifMatch()));
    }

    @PostMapping("/transfer/effect")
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "effectTransferScheme",
            description = "Effects the agreed transfer: only after Royal Assent and from the establishment date.",
            summary = "Effect the agreed transfer (after Royal Assent, from the establishment date)")
    public ResponseEntity<?> effect(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            WriteContext write) {
        return write.execute(new EffectTransferScheme(CcgCode.of(ccgCode), write.ifMatch()));
    }

    /** The receiving ICS named in a body: absent (the CCG's own), or an ICS of the programme (else 404). */
    IcsCode receiving(String code) {
        if (code == null) {
            return null;
        }
        if (!permissions.isIcs(code)) {
            throw new RuleViolation(ErrorCode.UNKNOWN_ORGANISATION, "receivingIcs", "no such ICS");
        }
        return IcsCode.of(code);
    }

    @PostMapping("/abolish")
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "abolishCcg",
            description = "Records the CCG's abolition, once its transfer has been effected.",
            summary = "Record the CCG's abolition, once its transfer is effected")
    public ResponseEntity<?> abolish(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            WriteContext write) {
        return write.execute(new AbolishCcg(CcgCode.of(ccgCode), write.ifMatch()));
    }
}
