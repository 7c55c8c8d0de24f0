package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * A CCG's register in and out over HTTP: the template, an import (CSV and .xlsx), the export, an edit in a
 * spreadsheet and the import again (a dry run first), the same file twice, the audit trail; and every class of
 * refusal, each changing nothing: refused rows (with row, column and the single-item API's codes), malformed files
 * (encoding, header, unknown columns, formulas, merged cells, not a workbook, a zip bomb), and the limits (413).
 */
class RegisterImportOverHttpTest extends EndToEndTest {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "kind,reference,description,receivingIcs,valuePence,counterparty,"
            + "annualValuePence,endDate,novationRequired,staffGroup,headcount,wte\r\n";

    /** Bassetlaw CCG (QF7), whose whole area moves to Nottingham and Nottinghamshire (QT1). */
    private static final String BASSETLAW = "02Q";
    /**
     * Kernow CCG (QT6), for refusals: no other end-to-end test touches it, so its scheme is empty here (Devon's is
     * filled by {@code LedgerUnderConcurrencyTest}, which shares the database).
     */
    private static final String KERNOW = "11N";
    /** Dorset CCG (QVV), for workbooks. */
    private static final String DORSET = "11J";

    @Test
    void a_register_round_trips_through_import_export_edit_dry_run_and_import_again() {
        String manager = api.programmeManager("QF7");
        String base = "/api/v1/ccgs/" + BASSETLAW + "/transfer";

        Api.Response template =
                api.get(base + "/imports/template").token(manager).send();
        assertThat(template.status()).as("%s", template).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith("text/csv");
        assertThat(template.body()).startsWith("\uFEFF" + HEADER);
        assertThat(template.body().lines()).hasSize(5);

        String register = HEADER
                + "STAFF,STF-1,Bassetlaw commissioning team,QT1,,,,,,Administrative and clerical,12,10.50\r\n"
                + "ASSET,AST-1,\"Retford clinic fit-out, phase 2\",QT1,2500000,,,,,,,\r\n"
                + "CONTRACT,CON-1,Community services,QT1,,Nottinghamshire Healthcare,120000000,31/03/2024,yes,,,\r\n"
                + "LIABILITY,LIA-1,Continuing healthcare claims,,340000,,,,,,,\r\n";
        Api.Response first = upload(base, manager, register, "reason=Q4+refresh", "key-bassetlaw-1");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.path("accepted").asBoolean()).isTrue();
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("counts").path("added").asInt()).isEqualTo(4);
        assertThat(report.path("rows").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(report.path("rows").get(0).path("action").asText()).isEqualTo("ADD");
        long version = report.path("version").asLong();
        assertThat(first.header("ETag")).isEqualTo("\"" + version + "\"");

        Api.Response replayed = upload(base, manager, register, "reason=Q4+refresh", "key-bassetlaw-1");
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json()).isEqualTo(report);

        JsonNode scheme = api.get(base)
                .token(manager)
                .header("X-Min-Version", Long.toString(version))
                .send()
                .json();
        assertThat(scheme.path("items").path("totalItems").asInt()).isEqualTo(4);
        assertThat(scheme.path("totals").findValuesAsText("receivingIcs")).containsExactly("QF7", "QT1");
        assertThat(scheme.path("items").path("items").get(0).path("reference").asText())
                .isEqualTo("STF-1");
        assertThat(scheme.path("items").path("items").get(0).path("staffGroup").asText())
                .isEqualTo("Administrative and clerical");

        Api.Response export = api.get(base + "/export").token(manager).send();
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.body())
                .startsWith("\uFEFF" + HEADER)
                .contains("CONTRACT,CON-1,Community services,QT1,,Nottinghamshire Healthcare,120000000,2024-03-31,"
                        + "true,,,\r\n")
                .contains("\"Retford clinic fit-out, phase 2\"");

        Api.Response unchanged = upload(base, manager, export.body(), "", null);
        assertThat(unchanged.json().path("counts").path("unchanged").asInt()).isEqualTo(4);
        assertThat(unchanged.json().path("version").asLong())
                .as("the same register again changes nothing")
                .isEqualTo(version);

        // edited in a spreadsheet: the asset's value changes, the liability's row is deleted, a row is added
        String edited = export.body().replace("2500000", "2750000").replaceAll("LIABILITY,LIA-1[^\r]*\r\n", "")
                + "STAFF,STF-2,Bassetlaw medicines management,QT1,,,,,,Allied health professionals,3,2.60\r\n";
        Api.Response dryRun = upload(base, manager, edited, "dryRun=true&withdrawMissing=true", null);
        assertThat(dryRun.status()).as("%s", dryRun).isEqualTo(200);
        assertThat(dryRun.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.json().path("rows").findValuesAsText("action"))
                .containsExactly("UNCHANGED", "AMEND", "UNCHANGED", "ADD", "WITHDRAW");
        assertThat(dryRun.json().path("version").asLong()).isEqualTo(version);

        Api.Response csvReport = api.post(base + "/imports?dryRun=true&withdrawMissing=true")
                .token(manager)
                .header("Accept", CSV)
                .bytes(edited.getBytes(StandardCharsets.UTF_8), CSV)
                .send();
        assertThat(csvReport.header("Content-Type")).startsWith("text/csv");
        assertThat(csvReport.body())
                .startsWith("\uFEFFrow,reference,action,itemId,severity,column,code,message\r\n")
                .contains(",LIA-1,WITHDRAW,T-4,");

        Api.Response applied = upload(base, manager, edited, "withdrawMissing=true", null);
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        JsonNode counts = applied.json().path("counts");
        assertThat(List.of(
                        counts.path("added").asInt(),
                        counts.path("amended").asInt(),
                        counts.path("withdrawn").asInt()))
                .containsExactly(1, 1, 1);
        assertThat(applied.json().path("version").asLong()).isEqualTo(version + 4);

        String auditor = api.auditor();
        JsonNode trail = api.get("/api/v1/audit/events?ccg=" + BASSETLAW + "&type=TransferRegisterImported")
                .token(auditor)
                .send()
                .json();
        eventually(
                "the imports reach the audit trail",
                () -> api.get("/api/v1/audit/events?ccg=" + BASSETLAW + "&type=TransferRegisterImported")
                                .token(auditor)
                                .send()
                                .json()
                                .path("items")
                                .size()
                        == 2);
        trail = api.get("/api/v1/audit/events?ccg=" + BASSETLAW + "&type=TransferRegisterImported")
                .token(auditor)
                .send()
                .json();
        JsonNode imported = trail.path("items").get(0);
        assertThat(imported.path("actor").asText()).isEqualTo("pm-QF7");
        assertThat(imported.path("reason").asText()).isEqualTo("Q4 refresh");
        assertThat(imported.path("payload").path("fileName").asText()).isEqualTo("bassetlaw.csv");
        assertThat(imported.path("payload").path("sha256").asText()).hasSize(64);
        assertThat(imported.path("payload").path("added").asInt()).isEqualTo(4);
    }

    @Test
    void a_workbook_imports_its_first_sheet_with_dates_numbers_and_booleans_as_cells() throws IOException {
        String manager = api.programmeManager("QVV");
        byte[] workbook = workbook(sheet -> {
            header(sheet);
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("CONTRACT");
            row.createCell(1).setCellValue("DOR-CON-7");
            row.createCell(2).setCellValue("Dorset patient transport");
            row.createCell(5).setCellValue("South Western Ambulance Service");
            row.createCell(6).setCellValue(9_600_000);
            row.createCell(7).setCellValue(java.time.LocalDate.of(2025, 3, 31));
            row.createCell(8).setCellValue(true);
            Row staff = sheet.createRow(2);
            staff.createCell(0).setCellValue("staff");
            staff.createCell(1).setCellValue("DOR-STF-1");
            staff.createCell(2).setCellValue("Dorset CCG quality team");
            staff.createCell(10).setCellValue(7);
            staff.createCell(11).setCellValue(6.4);
            staff.createCell(4).setCellValue(1_000);
        });
        Api.Response response = api.post("/api/v1/ccgs/" + DORSET + "/transfer/imports?fileName=dorset.xlsx")
                .token(manager)
                .bytes(workbook, XLSX)
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode rows = response.json().path("rows");
        assertThat(rows.findValuesAsText("action")).containsExactly("ADD", "ADD");
        assertThat(rows.get(1).path("problems").get(0).path("code").asText()).isEqualTo("IGNORED_CELL");
        assertThat(rows.get(1).path("problems").get(0).path("column").asText()).isEqualTo("valuePence");

        String export = api.get("/api/v1/ccgs/" + DORSET + "/transfer/export")
                .token(manager)
                .header("X-Min-Version", response.json().path("version").asText())
                .send()
                .body();
        assertThat(export)
                .contains("CONTRACT,DOR-CON-7,Dorset patient transport,QVV,,South Western Ambulance Service,9600000,"
                        + "2025-03-31,true,,,")
                .contains("STAFF,DOR-STF-1,Dorset CCG quality team,QVV,,,,,,,7,6.40");
    }

    @Test
    void refused_rows_refuse_the_whole_import_naming_row_column_and_the_single_item_codes() {
        String manager = api.programmeManager("QT6");
        String base = "/api/v1/ccgs/" + KERNOW + "/transfer";
        long before = version(base, manager);
        String register = HEADER
                + "ASSET,KER-1,Truro estate,,-500,,,,,,,\r\n"
                + "ASSET,KER-2,,,500,,,,,,,\r\n"
                + "CONTRACT,KER-3,Community services,QZZ,,Provider,100,2024-03-31,maybe,,,\r\n"
                + "STAFF,KER-4,Team,QT1,,,,,,,3,2.5\r\n"
                + "ASSET,KER-1,Duplicate,,100,,,,,,,\r\n"
                + "CONTRACT,KER-5,Ends early,,,Provider,100,2022-01-31,no,,,\r\n"
                + "STAFF,KER-6,Team,,,,,,,,3,\r\n";
        Api.Response refused = upload(base, manager, register, "", "key-kernow-1");
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("IMPORT_REFUSED");
        List<String> errors = new ArrayList<>();
        problem.path("errors")
                .forEach(e -> errors.add(e.path("row").asInt() + " "
                        + e.path("column").asText() + " " + e.path("code").asText()));
        assertThat(errors)
                .containsExactly(
                        "2 valuePence INVALID_INPUT",
                        "3 description VALIDATION_FAILED",
                        "4 novationRequired VALIDATION_FAILED",
                        "5 receivingIcs RECEIVING_ICS_NOT_ALLOWED",
                        "6 reference DUPLICATE_REFERENCE",
                        "8 wte INVALID_INPUT");
        assertThat(problem.path("warnings").findValuesAsText("code")).containsExactly("ENDS_BEFORE_ESTABLISHMENT");
        assertThat(version(base, manager)).as("nothing changed").isEqualTo(before);

        Api.Response again = upload(base, manager, register, "", "key-kernow-1");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        Api.Response dryRun = upload(base, manager, register, "dryRun=true", null);
        assertThat(dryRun.status()).as("a dry run reports instead of refusing").isEqualTo(200);
        assertThat(dryRun.json().path("accepted").asBoolean()).isFalse();
        assertThat(dryRun.json().path("counts").path("refused").asInt()).isEqualTo(6);

        Api.Response unknownIcs = upload(base, manager, HEADER + "ASSET,KER-9,Thing,QZ9,5,,,,,,,\r\n", "", null);
        assertThat(unknownIcs.json().path("errors").get(0).path("code").asText())
                .isEqualTo("UNKNOWN_ORGANISATION");
    }

    @Test
    void malformed_files_are_refused_naming_the_row_and_column_and_change_nothing() throws IOException {
        String manager = api.programmeManager("QT6");
        String base = "/api/v1/ccgs/" + KERNOW + "/transfer";
        long before = version(base, manager);

        byte[] latin1 = (HEADER + "ASSET,KER-10,Caf\u00e9 lease,,5,,,,,,,\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertMalformed(
                api.post(base + "/imports").token(manager).bytes(latin1, CSV).send(), 2, null, "not UTF-8");
        assertMalformed(
                upload(base, manager, "ASSET,KER-10,Lease,,5,,,,,,,\r\n", "", null), 1, null, "must be the header");
        assertMalformed(
                upload(base, manager, "kind,reference,description,colour\r\nASSET,KER-10,Lease,blue\r\n", "", null),
                1,
                "colour",
                "unknown column");
        assertMalformed(
                upload(base, manager, HEADER + "ASSET,KER-10,=HYPERLINK(\"http://x\"),,5,,,,,,,\r\n", "", null),
                2,
                "description",
                "could run as a formula");
        assertMalformed(
                upload(base, manager, "kind,reference\r\nASSET,KER-10\r\n", "", null), 1, "description", "is missing");
        assertMalformed(
                api.post(base + "/imports")
                        .token(manager)
                        .bytes("not a workbook".getBytes(), XLSX)
                        .send(),
                null,
                null,
                "not an Excel workbook");
        assertMalformed(
                api.post(base + "/imports")
                        .token(manager)
                        .bytes(zipBomb(), XLSX)
                        .send(),
                null,
                null,
                "zip bomb");
        assertMalformed(
                api.post(base + "/imports")
                        .token(manager)
                        .bytes(
                                workbook(sheet -> {
                                    Row title = sheet.createRow(0);
                                    title.createCell(0).setCellValue("kind");
                                    title.createCell(1).setCellValue("reference");
                                    title.createCell(2).setCellValue("description");
                                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
                                }),
                                XLSX)
                        .send(),
                1,
                "reference",
                "merged cells");
        assertMalformed(
                api.post(base + "/imports")
                        .token(manager)
                        .bytes(
                                workbook(sheet -> {
                                    header(sheet);
                                    Row row = sheet.createRow(1);
                                    row.createCell(0).setCellValue("ASSET");
                                    row.createCell(1).setCellValue("KER-11");
                                    row.createCell(2).setCellValue("Lease");
                                    row.createCell(4).setCellFormula("1+1");
                                }),
                                XLSX)
                        .send(),
                2,
                "valuePence",
                "a formula");
        assertThat(version(base, manager)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void registers_beyond_the_limits_are_413_and_other_requests_keep_their_smaller_limit() {
        String manager = api.programmeManager("QT6");
        String base = "/api/v1/ccgs/" + KERNOW + "/transfer";
        StringBuilder tooManyRows = new StringBuilder(HEADER);
        for (int i = 0; i <= 50_000; i++) {
            tooManyRows.append("ASSET,R").append(i).append(",x,,1,,,,,,,\r\n");
        }
        Api.Response rows = upload(base, manager, tooManyRows.toString(), "dryRun=true", null);
        assertThat(rows.status()).as("%s", rows).isEqualTo(413);
        assertThat(rows.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        long size = 20L * 1024 * 1024 + 64 * 1024;
        Api.Response bytes = api.post(base + "/imports?dryRun=true")
                .token(manager)
                .chunked(() -> new RepeatingStream(HEADER.getBytes(StandardCharsets.UTF_8), size), CSV)
                .send();
        assertThat(bytes.status()).as("%s", bytes).isEqualTo(413);
        assertThat(bytes.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        Api.Response item = api.post(base + "/items")
                .token(manager)
                .json("{\"kind\":\"ASSET\",\"description\":\"" + "x".repeat(1_100_000) + "\",\"valuePence\":1}")
                .send();
        assertThat(item.status()).as("a single item keeps the 1 MB limit").isEqualTo(413);
    }

    @Test
    void only_the_ccgs_own_programme_managers_import_its_register() {
        Api.Response response = upload(
                "/api/v1/ccgs/" + KERNOW + "/transfer", api.programmeManager("QKS"), HEADER, "dryRun=true", null);
        assertThat(response.status()).as("%s", response).isEqualTo(403);
    }

    @Test
    void a_single_item_takes_a_reference_and_a_second_item_cannot_take_it() {
        String manager = api.programmeManager("QSL");
        String base = "/api/v1/ccgs/11X/transfer/items";
        String body = "{\"kind\":\"ASSET\",\"reference\":\"SOM-AST-9\",\"description\":\"Yeovil lease\","
                + "\"valuePence\":100}";
        assertThat(api.post(base).token(manager).json(body).send().status()).isEqualTo(200);
        Api.Response duplicate = api.post(base).token(manager).json(body).send();
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);
        assertThat(duplicate.json().path("code").asText()).isEqualTo("DUPLICATE_REFERENCE");
    }

    // ---------------------------------------------------------------- helpers

    private Api.Response upload(String base, String token, String csv, String query, String key) {
        Api.Call call = api.post(base + "/imports" + (query.isEmpty() ? "" : "?" + query))
                .token(token)
                .header("Content-Disposition", "attachment; filename=\"bassetlaw.csv\"")
                .bytes(csv.getBytes(StandardCharsets.UTF_8), CSV);
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return call.send();
    }

    private long version(String base, String token) {
        String etag = api.get(base).token(token).send().header("ETag");
        return Long.parseLong(etag.replace("\"", ""));
    }

    private static void assertMalformed(Api.Response response, Integer row, String column, String message) {
        assertThat(response.status()).as("%s", response).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).isEqualTo("MALFORMED_FILE");
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("MALFORMED_FILE");
        assertThat(error.path("message").asText()).contains(message);
        if (row == null) {
            assertThat(error.path("row").isNull()).as("%s", problem).isTrue();
        } else {
            assertThat(error.path("row").asInt()).as("%s", problem).isEqualTo(row);
        }
        if (column != null) {
            assertThat(error.path("column").asText()).as("%s", problem).isEqualTo(column);
        }
    }

    private interface SheetWriter {
        void write(Sheet sheet);
    }

    private static byte[] workbook(SheetWriter writer) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            writer.write(workbook.createSheet("Register"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void header(Sheet sheet) {
        String[] names = HEADER.strip().split(",");
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    /** A zip whose one part inflates from a few kilobytes to 50 MB of zeros. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** The same bytes over and over, up to a length. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] pattern;
        private final long length;
        private long position;

        RepeatingStream(byte[] pattern, long length) {
            this.pattern = pattern;
            this.length = length;
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            return pattern[(int) (position++ % pattern.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = pattern[(int) (position++ % pattern.length)];
            }
            return n;
        }
    }
}
