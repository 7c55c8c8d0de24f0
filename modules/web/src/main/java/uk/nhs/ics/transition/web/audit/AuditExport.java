package uk.nhs.ics.transition.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uk.nhs.ics.transition.audit.trail.AuditFilter;
import uk.nhs.ics.transition.audit.trail.AuditTrail;
import uk.nhs.ics.transition.web.csv.CsvMessageConverter;
import uk.nhs.ics.transition.web.csv.CsvTables;
import uk.nhs.ics.transition.web.csv.CsvWriter;

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

    static final List<String> CSV_COLUMNS = CsvTables.AUDIT_EVENTS.columns();

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
        StreamingResponseBody body = csv ? output -> csv(filter, output) : output -> ndjson(filter, output);
        return ResponseEntity.ok()
                .contentType(
                        csv ? MediaType.parseMediaType("text/csv;charset=UTF-8") : MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-trail." + (csv ? "csv" : "ndjson"))
                .body(body);
    }

    /** The trail as CSV, by the audit trail's one table ({@link CsvTables#AUDIT_EVENTS}). */
    private void csv(AuditFilter filter, OutputStream output) throws IOException {
        CsvWriter writer = CsvWriter.start(output);
        writer.header(CsvTables.AUDIT_EVENTS.columns());
        trail.export(filter, event -> {
            try {
                writer.row(CsvTables.AUDIT_EVENTS.row(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    /** The trail as newline-delimited JSON, one event per line. */
    private void ndjson(AuditFilter filter, OutputStream output) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
        trail.export(filter, event -> {
            try {
                writer.write(json.writeValueAsString(event));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }
}
