package uk.nhs.ics.transition.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uk.nhs.ics.transition.audit.trail.AuditEvent;
import uk.nhs.ics.transition.audit.trail.AuditFilter;
import uk.nhs.ics.transition.audit.trail.AuditTrail;
import uk.nhs.ics.transition.web.csv.CsvMessageConverter;

/**
 * The trail streamed as newline-delimited JSON or CSV, row by row from a database cursor: one export, whether an
 * auditor's script asks the API for it or an auditor downloads it from the audit page.
 */
@Component
public class AuditExport {

    /** Newline-delimited JSON: one JSON object per line. */
    public static final String NDJSON = "application/x-ndjson";

    /** The CSV export as the OpenAPI description states it; {@code AuditExportTest} holds it to {@link #CSV_COLUMNS}. */
    public static final String CSV_DESCRIPTION = "UTF-8 with a byte-order mark, RFC 4180; one row per event; columns:"
            + " `sequence`, `globalIndex`, `eventIdentifier`, `occurredAt`, `type`, `aggregateType`, `aggregate`,"
            + " `aggregateVersion`, `icsCode`, `ccgCode`, `actor`, `actorName`, `actorRole`, `actorScope`, `reason`,"
            + " `correlationId`, `causationId`, `clientAddress`, `payload` (the event's JSON), `hash`, `previousHash`,"
            + " `clientRequestId`, `seal`, `traceId`, `approvalId`, `approvedBy`, `approvedByName`, `approvedByRole`,"
            + " `approvedByScope`";

    static final List<String> CSV_COLUMNS = List.of(
            "sequence",
            "globalIndex",
            "eventIdentifier",
            "occurredAt",
            "type",
            "aggregateType",
            "aggregate",
            "aggregateVersion",
            "icsCode",
            "ccgCode",
            "actor",
            "actorName",
            "actorRole",
            "actorScope",
            "reason",
            "correlationId",
            "causationId",
            "clientAddress",
            "payload",
            "hash",
            "previousHash",
            "clientRequestId",
            "seal",
            "traceId",
            "approvalId",
            "approvedBy",
            "approvedByName",
            "approvedByRole",
            "approvedByScope");

    private final AuditTrail trail;
    private final ObjectMapper json;

    public AuditExport(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    /**
     * Whether the export is CSV: {@code format=csv}, or else an {@code Accept} whose most preferred of the two types
     * is {@code text/csv}. Newline-delimited JSON otherwise.
     */
    public static boolean asCsv(String format, String accept) {
        if (format != null) {
            return format.equals("csv");
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            return false;
        }
        accepted.sort(
                java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(CsvMessageConverter.TEXT_CSV) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.parseMediaType(NDJSON))) {
                return false;
            }
        }
        return false;
    }

    /** The filtered trail as an attachment: CSV when asked, newline-delimited JSON otherwise. */
    public ResponseEntity<StreamingResponseBody> response(AuditFilter filter, boolean csv) {
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                writer.write(CsvMessageConverter.byteOrderMark());
                CsvMessageConverter.writeValues(writer, CSV_COLUMNS);
            }
            trail.export(filter, event -> {
                try {
                    if (csv) {
                        CsvMessageConverter.writeValues(writer, row(event));
                    } else {
                        writer.write(json.writeValueAsString(event));
                        writer.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(
                        csv ? MediaType.parseMediaType("text/csv;charset=UTF-8") : MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-trail." + (csv ? "csv" : "ndjson"))
                .body(body);
    }

    private static List<Object> row(AuditEvent event) {
        return Arrays.asList(
                event.sequence(),
                event.globalIndex(),
                event.eventIdentifier(),
                event.occurredAt(),
                event.type(),
                event.aggregateType(),
                event.aggregate(),
                event.aggregateVersion(),
                event.icsCode(),
                event.ccgCode(),
                event.actor(),
                event.actorName(),
                event.actorRole(),
                event.actorScope(),
                event.reason(),
                event.correlationId(),
                event.causationId(),
                event.clientAddress(),
                event.payload(),
                event.hash(),
                event.previousHash(),
                event.clientRequestId(),
                event.seal(),
                event.traceId(),
                event.approvalId(),
                event.approvedBy(),
                event.approvedByName(),
                event.approvedByRole(),
                event.approvedByScope());
    }
}
