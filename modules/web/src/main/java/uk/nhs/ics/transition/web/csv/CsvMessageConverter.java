package uk.nhs.ics.transition.web.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.lang.Nullable;
import uk.nhs.ics.transition.projections.Page;

/**
 * Writes the API's answers as CSV for {@code Accept: text/csv}, so that regional teams can open lists and readiness
 * summaries straight in Excel or LibreOffice. JSON stays the default: this converter is registered after Jackson and
 * is chosen only when the client asks for CSV. It never reads.
 *
 * <p>What it writes:
 *
 * <ul>
 *   <li>a {@link CsvView} by its own header and rows;
 *   <li>a {@link Page} as a header and one row per item (the paging fields are not written);
 *   <li>a collection as a header and one row per element;
 *   <li>any other record as a header and a single row.
 * </ul>
 *
 * <p>Records are flattened into columns in component order: a nested record becomes dotted columns
 * ({@code rating.overallRating}), a map one column per key ({@code ratingsByQuarter.Q1}), a nested record that is
 * null still gives its columns (empty). A list of simple values is one cell joined with {@code "; "}; a list of records
 * is one cell with each element written as {@code name=value, name=value} and the elements joined with
 * {@code " | "} (a list inside such an element is bracketed). The header is the union of the items' columns, in their
 * order, so items whose maps have different keys still line up. Dates and times are ISO-8601, enums their names,
 * booleans {@code true}/{@code false}, numbers plain ({@link BigDecimal#toPlainString()}), nulls empty cells.
 *
 * <p>Spreadsheet safety: the body is UTF-8 and starts with a byte-order mark (without it Excel reads UTF-8 as the
 * local code page and mangles non-ASCII names); rows end with CRLF and a field holding a comma, double quote, CR or LF
 * is quoted with its quotes doubled (RFC 4180); a text cell (header cells included) that starts with {@code = + - @},
 * a tab or a CR (or the full-width {@code ＝ ＋ － ＠}) is prefixed with a single quote so that no spreadsheet runs it as
 * a formula (OWASP "CSV injection"). Numbers are not text: {@code -12500} stays a number a spreadsheet can sum.
 *
 * <p>An empty page or list still gets its header when Spring passes the declared type (it does for controller return
 * types such as {@code Page<IcsSummary>}): the columns are derived from the item's record type. Columns that come
 * from map keys cannot be known without values and are left out of such a header. When the item type is not known
 * (the plain {@link #write(Object, MediaType, HttpOutputMessage)}, or a raw or wildcard type) an empty page is written
 * as the byte-order mark alone, with no header.
 */
public class CsvMessageConverter extends AbstractHttpMessageConverter<Object>
        implements GenericHttpMessageConverter<Object> {

    /** {@code text/csv}; answers always carry {@code charset=UTF-8}. */
    public static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String ROW_END = "\r\n";
    private static final String VALUE_SEPARATOR = "; ";
    private static final String RECORD_SEPARATOR = " | ";
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final String SINGLE_COLUMN = "value";
    private static final int MAX_DEPTH = 16;

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> Component.of(type, component))
                    .toList();
        }
    };

    public CsvMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    // ---------------------------------------------------------------- HttpMessageConverter

    @Override
    protected boolean supports(Class<?> clazz) {
        return CsvView.class.isAssignableFrom(clazz) || clazz.isRecord() || Collection.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("CSV is written, never read", inputMessage);
    }

    @Override
    protected void addDefaultHeaders(HttpHeaders headers, Object body, @Nullable MediaType contentType)
            throws IOException {
        // the body is always UTF-8, whatever charset the client asked for
        MediaType utf8 = contentType != null && contentType.isConcrete()
                ? new MediaType(contentType, StandardCharsets.UTF_8)
                : contentType;
        super.addDefaultHeaders(headers, body, utf8);
    }

    @Override
    protected void writeInternal(Object body, HttpOutputMessage outputMessage)
            throws IOException, HttpMessageNotWritableException {
        Table table = body instanceof Table given ? given : table(body, null);
        Writer writer = new BufferedWriter(new OutputStreamWriter(outputMessage.getBody(), StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        if (!table.header().isEmpty()) {
            writeRow(
                    writer,
                    table.header().stream()
                            .map(name -> name == null ? "" : neutralise(name))
                            .toList());
        }
        for (List<?> row : table.rows()) {
            List<?> cells = row == null ? List.of() : row;
            writeRow(writer, cells.stream().map(CsvMessageConverter::field).toList());
        }
        writer.flush();
    }

    // ---------------------------------------------------------------- GenericHttpMessageConverter

    @Override
    public boolean canRead(Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("CSV is written, never read", inputMessage);
    }

    @Override
    public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
        Class<?> valueClass =
                clazz != null ? clazz : ResolvableType.forType(type).resolve(Object.class);
        return canWrite(valueClass, mediaType);
    }

    /** Writes the body knowing its declared type, which gives an empty page or list its header. */
    @Override
    public void write(
            Object body, @Nullable Type type, @Nullable MediaType contentType, HttpOutputMessage outputMessage)
            throws IOException, HttpMessageNotWritableException {
        write(table(body, type), contentType, outputMessage);
    }

    // ---------------------------------------------------------------- from answer to table

    /** A header (empty for none) and rows of raw cell values, not yet formatted. */
    private record Table(List<String> header, List<List<Object>> rows) {}

    /**
     * The columns an answer of the declared type is written with, as far as the type alone tells: a page or
     * collection by its item type, anything else as one row. Columns named by map keys are not known without values
     * and are left out. This is what the OpenAPI description says of a CSV answer, so the two cannot drift.
     */
    public static List<String> columns(Type declaredType) {
        return columns(ResolvableType.forType(declaredType));
    }

    /** {@link #columns(Type)}, for a type whose generics are resolved in context (a controller's answer). */
    public static List<String> columns(ResolvableType declared) {
        Class<?> raw = declared.resolve(Object.class);
        ResolvableType item = Page.class.isAssignableFrom(raw)
                ? declared.as(Page.class).getGeneric(0)
                : Collection.class.isAssignableFrom(raw)
                        ? declared.as(Collection.class).getGeneric(0)
                        : declared;
        List<String> names = new ArrayList<>();
        if (isKnown(item)) {
            columnsOf("", item, new HashSet<>(), names);
        }
        return List.copyOf(names);
    }

    private static Table table(Object body, @Nullable Type type) {
        ResolvableType declared = type == null ? ResolvableType.NONE : ResolvableType.forType(type);
        if (body instanceof CsvView view) {
            List<String> header = view.csvHeader() == null ? List.of() : view.csvHeader();
            List<List<Object>> rows = view.csvRows() == null ? List.of() : view.csvRows();
            return new Table(header, rows);
        }
        if (body instanceof Page<?> page) {
            return rows(page.items(), declared.as(Page.class).getGeneric(0));
        }
        if (body instanceof Collection<?> collection) {
            return rows(collection, declared.as(Collection.class).getGeneric(0));
        }
        return rows(List.of(body), ResolvableType.forClass(body.getClass()));
    }

    private static Table rows(Collection<?> items, ResolvableType itemType) {
        Columns columns = new Columns();
        List<Map<String, Object>> flattened = new ArrayList<>(items.size());
        for (Object item : items) {
            Map<String, Object> cells = new LinkedHashMap<>();
            flatten("", item, itemType, cells, 0);
            columns.merge(cells.keySet());
            flattened.add(cells);
        }
        if (items.isEmpty() && isKnown(itemType)) {
            List<String> names = new ArrayList<>();
            columnsOf("", itemType, new HashSet<>(), names);
            columns.merge(names);
        }
        List<List<Object>> rows = new ArrayList<>(flattened.size());
        for (Map<String, Object> cells : flattened) {
            List<Object> row = new ArrayList<>(columns.names.size());
            for (String name : columns.names) {
                row.add(cells.get(name));
            }
            rows.add(row);
        }
        return new Table(columns.names, rows);
    }

    /** Puts the value's columns into {@code cells}: nested records and maps become dotted columns. */
    private static void flatten(
            String prefix, Object value, ResolvableType declared, Map<String, Object> cells, int depth) {
        if (value instanceof Optional<?> optional) {
            flatten(prefix, optional.orElse(null), declared.as(Optional.class).getGeneric(0), cells, depth);
            return;
        }
        if (value == null) {
            if (isKnown(declared)) {
                List<String> names = new ArrayList<>();
                columnsOf(prefix, declared, new HashSet<>(), names);
                names.forEach(name -> cells.put(name, null));
            } else if (!prefix.isEmpty()) {
                cells.put(prefix, null);
            }
            return;
        }
        if (depth < MAX_DEPTH && value.getClass().isRecord()) {
            ResolvableType owner =
                    declared.resolve() == value.getClass() ? declared : ResolvableType.forInstance(value);
            for (Component component : COMPONENTS.get(value.getClass())) {
                flatten(
                        column(prefix, component.name()),
                        component.read(value),
                        component.type(owner),
                        cells,
                        depth + 1);
            }
            return;
        }
        if (depth < MAX_DEPTH && value instanceof Map<?, ?> map) {
            ResolvableType valueType = declared.asMap().getGeneric(1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(column(prefix, text(entry.getKey(), 1)), entry.getValue(), valueType, cells, depth + 1);
            }
            return;
        }
        cells.put(prefix.isEmpty() ? SINGLE_COLUMN : prefix, value);
    }

    /** The columns a value of the type would have, as far as the type alone tells (map keys it cannot). */
    private static void columnsOf(String prefix, ResolvableType type, Set<Class<?>> path, List<String> names) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == Optional.class) {
            columnsOf(prefix, type.getGeneric(0), path, names);
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw.isRecord() && path.add(raw)) {
            for (Component component : COMPONENTS.get(raw)) {
                columnsOf(column(prefix, component.name()), component.type(type), path, names);
            }
            path.remove(raw);
            return;
        }
        names.add(prefix.isEmpty() ? SINGLE_COLUMN : prefix);
    }

    private static boolean isKnown(ResolvableType type) {
        Class<?> raw = type.resolve();
        return raw != null && raw != Object.class;
    }

    private static String column(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** The column names of all rows in order: a column first seen in a later row goes after its left neighbour. */
    private static final class Columns {
        final List<String> names = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        void merge(Collection<String> row) {
            int position = 0;
            for (String name : row) {
                if (seen.add(name)) {
                    names.add(position++, name);
                } else if (position < names.size() && names.get(position).equals(name)) {
                    position++;
                } else {
                    position = names.indexOf(name) + 1;
                }
            }
        }
    }

    /** A record component: its name, its accessor and the field that declares its generic type. */
    private record Component(String name, Method accessor, Field field) {

        static Component of(Class<?> recordType, RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.trySetAccessible();
            try {
                return new Component(component.getName(), accessor, recordType.getDeclaredField(component.getName()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("record " + recordType.getName() + " has no field " + component, e);
            }
        }

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException e) {
                throw new HttpMessageNotWritableException("cannot read " + name + " for CSV", e);
            } catch (InvocationTargetException e) {
                throw new HttpMessageNotWritableException("cannot read " + name + " for CSV", e.getCause());
            }
        }

        ResolvableType type(ResolvableType owner) {
            return ResolvableType.forField(field, owner);
        }
    }

    // ---------------------------------------------------------------- from value to cell

    /**
     * Writes one row of values as this converter writes its cells (quoted, formula-safe, CRLF), for responses that
     * stream rows themselves. A streamed document starts with {@link #byteOrderMark()}.
     */
    public static void writeValues(Writer writer, List<?> values) throws IOException {
        List<String> fields = new ArrayList<>();
        for (Object value : values) {
            fields.add(field(value));
        }
        writeRow(writer, fields);
    }

    /** What a CSV document starts with, so spreadsheets read it as UTF-8. */
    public static String byteOrderMark() {
        return BYTE_ORDER_MARK;
    }

    private static void writeRow(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(fields.get(i)));
        }
        writer.write(ROW_END);
    }

    /** The cell's text before quoting: numbers and booleans as they are, anything else as neutralised text. */
    private static String field(Object value) {
        if (value instanceof Optional<?> optional) {
            return field(optional.orElse(null));
        }
        if (value == null) {
            return "";
        }
        String number = number(value);
        if (number != null) {
            return number;
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        return neutralise(text(value, 0));
    }

    /** A number written plainly, or null if the value is not a finite number. */
    private static String number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof AtomicInteger
                || value instanceof AtomicLong) {
            return value.toString();
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Float f && Float.isFinite(f)) {
            return new BigDecimal(f.toString()).toPlainString();
        }
        return null;
    }

    /** Readable text for any value; {@code depth} above zero means inside another cell's text. */
    private static String text(Object value, int depth) {
        if (value instanceof Optional<?> optional) {
            return text(optional.orElse(null), depth);
        }
        if (value == null) {
            return "";
        }
        if (value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        String number = number(value);
        if (number != null) {
            return number;
        }
        if (value instanceof ZonedDateTime zoned) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned);
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
            return value.toString();
        }
        if (value instanceof Date date) {
            return Instant.ofEpochMilli(date.getTime()).toString();
        }
        if (depth >= MAX_DEPTH) {
            return value.toString();
        }
        if (value.getClass().isRecord() || value instanceof Map) {
            Map<String, Object> cells = new LinkedHashMap<>();
            flatten("", value, ResolvableType.forInstance(value), cells, 0);
            StringJoiner pairs = new StringJoiner(", ");
            cells.forEach((name, cell) -> pairs.add(name + "=" + text(cell, depth + 1)));
            return pairs.toString();
        }
        List<?> elements = elements(value);
        if (elements != null) {
            boolean structured =
                    elements.stream().anyMatch(e -> e != null && (e.getClass().isRecord() || e instanceof Map));
            StringJoiner joined = new StringJoiner(structured ? RECORD_SEPARATOR : VALUE_SEPARATOR);
            elements.forEach(element -> joined.add(text(element, depth + 1)));
            return depth > 0 && !elements.isEmpty() ? "[" + joined + "]" : joined.toString();
        }
        return value.toString();
    }

    private static List<?> elements(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
            return elements;
        }
        return null;
    }

    /** Text that a spreadsheet would take for a formula gets a leading single quote (OWASP CSV injection). */
    static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** RFC 4180: a field holding a comma, double quote, CR or LF is quoted, its double quotes doubled. */
    static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
