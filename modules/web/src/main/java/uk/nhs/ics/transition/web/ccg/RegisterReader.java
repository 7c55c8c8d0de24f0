package uk.nhs.ics.transition.web.ccg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import uk.nhs.ics.transition.messages.ccg.ImportTransferRegister;
import uk.nhs.ics.transition.web.problem.MalformedRegister;
import uk.nhs.ics.transition.web.problem.PayloadTooLarge;

/**
 * Reads an uploaded register's cells: CSV (UTF-8, RFC 4180, with or without a byte-order mark) with Commons CSV, the
 * one place the service reads CSV, or the first sheet of an Excel workbook (.xlsx) with POI's streaming reader, so a
 * 20 MB workbook never becomes a tree of objects in memory.
 *
 * <p>What it refuses, before anything is interpreted: bytes that are not UTF-8 (naming the line), CSV that is not
 * well-formed, a file that is not a workbook (an old .xls named as such), and a zip bomb: a workbook whose parts would
 * expand beyond {@link #MAX_EXPANDED_BYTES} in all or more than a hundredfold, checked by inflating it once before
 * POI opens it. More than {@link ImportTransferRegister#MAX_ROWS} data rows is a 413.
 */
final class RegisterReader {

    /** The media type of an Excel workbook. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Most bytes a workbook's parts may expand to. */
    static final long MAX_EXPANDED_BYTES = 256L * 1024 * 1024;
    /** Most parts a workbook may have. */
    static final int MAX_PARTS = 1000;
    /** Largest expansion of a workbook over its file size. */
    static final int MAX_EXPANSION = 100;

    private RegisterReader() {}

    /** The file's format. */
    enum Format {
        CSV,
        XLSX
    }

    static RawSheet read(byte[] bytes, Format format) {
        return format == Format.XLSX ? workbook(bytes) : csv(bytes);
    }

    // ---------------------------------------------------------------- CSV

    private static RawSheet csv(byte[] bytes) {
        String text = utf8(bytes);
        List<RawSheet.Row> rows = new ArrayList<>();
        CSVFormat format =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException notWellFormed) {
                    throw new MalformedRegister(
                            (int) parser.getCurrentLineNumber() + 1,
                            null,
                            "the CSV is not well-formed near line " + (parser.getCurrentLineNumber() + 1)
                                    + " (a quoted cell that never ends?)");
                }
                List<RawSheet.Cell> cells = new ArrayList<>(record.size());
                record.forEach(value -> cells.add(RawSheet.Cell.text(value)));
                rows.add(new RawSheet.Row((int) record.getRecordNumber(), cells));
                tooMany(rows.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RawSheet(rows, List.of(), true);
    }

    /** The text of UTF-8 bytes, refusing anything else and naming the line where it stops being UTF-8. */
    private static String utf8(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new MalformedRegister(
                    1, null, "the file is UTF-16: save it as \"CSV UTF-8 (Comma delimited)\" and upload it again");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedRegister(
                    line,
                    null,
                    "the file is not UTF-8 (at line " + line + ", byte " + (in.position() + 1)
                            + "): save it as \"CSV UTF-8 (Comma delimited)\" and upload it again");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // ---------------------------------------------------------------- Excel

    private static RawSheet workbook(byte[] bytes) {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(bytes);
        } catch (RuntimeException unknown) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            throw new MalformedRegister(
                    null, null, "this is an Excel 97-2003 workbook (.xls): save it as an Excel workbook (.xlsx)");
        }
        if (magic != FileMagic.OOXML) {
            throw new MalformedRegister(null, null, "the file is not an Excel workbook (.xlsx)");
        }
        refuseZipBombs(bytes);
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new MalformedRegister(null, null, "the workbook has no sheet");
            }
            SheetHandler handler = new SheetHandler(strings);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
            }
            return new RawSheet(handler.rows, handler.merges, false);
        } catch (MalformedRegister | PayloadTooLarge refused) {
            throw refused;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new MalformedRegister(null, null, "the file is not a readable Excel workbook (.xlsx)");
        }
    }

    /** Inflates every part once, counting, before POI is given the file. */
    private static void refuseZipBombs(byte[] bytes) {
        long expanded = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw zipBomb("more than " + MAX_PARTS + " parts");
                }
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        throw zipBomb("its parts expand beyond " + MAX_EXPANDED_BYTES / (1024 * 1024) + " MB");
                    }
                    if (expanded > 1024 * 1024 && expanded > (long) MAX_EXPANSION * bytes.length) {
                        throw zipBomb("its parts expand more than " + MAX_EXPANSION + " times");
                    }
                }
            }
        } catch (ZipException e) {
            throw new MalformedRegister(null, null, "the file is not a readable Excel workbook (.xlsx)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (parts == 0) {
            throw new MalformedRegister(null, null, "the file is not a readable Excel workbook (.xlsx)");
        }
    }

    private static MalformedRegister zipBomb(String why) {
        return new MalformedRegister(null, null, "the workbook is refused as a zip bomb: " + why);
    }

    private static void tooMany(int rowsWithHeader) {
        if (rowsWithHeader > ImportTransferRegister.MAX_ROWS + 1) {
            throw new PayloadTooLarge(
                    "a register has at most " + ImportTransferRegister.MAX_ROWS + " rows besides its header");
        }
    }

    /** Collects a sheet's cells, formulas and merged ranges from its XML, one element at a time. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        final List<RawSheet.Row> rows = new ArrayList<>();
        final List<RawSheet.Merge> merges = new ArrayList<>();

        private int rowNumber;
        private List<RawSheet.Cell> cells;
        private int column;
        private String type;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private final StringBuilder value = new StringBuilder();

        SheetHandler(ReadOnlySharedStringsTable strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : new CellReference(r).getCol();
                    type = attributes.getValue("t");
                    formula = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> inValue = true;
                case "t" -> inInlineText = "inlineStr".equals(type);
                case "mergeCell" -> {
                    String range = attributes.getValue("ref");
                    CellReference first = new CellReference(range.split(":")[0]);
                    merges.add(new RawSheet.Merge(first.getRow() + 1, first.getCol(), range));
                }
                default -> {
                    // other elements carry nothing a register needs
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add(null);
                    }
                    cells.add(cell());
                }
                case "row" -> {
                    rows.add(new RawSheet.Row(rowNumber, cells));
                    tooMany(rows.size());
                }
                default -> {
                    // nothing to finish
                }
            }
        }

        private RawSheet.Cell cell() {
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                String number = raw.isEmpty() ? "" : plain(raw);
                return new RawSheet.Cell(number, !raw.isEmpty(), formula, false);
            }
            return switch (type) {
                case "s" ->
                    new RawSheet.Cell(
                            strings.getItemAt(Integer.parseInt(raw.strip())).getString(), false, formula, false);
                case "b" -> new RawSheet.Cell("1".equals(raw.strip()) ? "TRUE" : "FALSE", false, formula, false);
                case "e" -> new RawSheet.Cell(raw, false, formula, true);
                default -> new RawSheet.Cell(raw, false, formula, false);
            };
        }

        private static String plain(String number) {
            try {
                BigDecimal decimal = new BigDecimal(number.strip());
                return decimal.signum() == 0
                        ? "0"
                        : decimal.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return number;
            }
        }
    }
}
