package uk.nhs.ics.transition.web.csv;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
 * <p>What it writes, always through the one {@link CsvWriter}:
 *
 * <ul>
 *   <li>a {@link CsvView} by its own header and rows;
 *   <li>a {@link Page} or a list of rows whose type has a table in {@link CsvTables}, by that table (the paging
 *       fields are not written), a single such row as a table of one.
 * </ul>
 *
 * An empty page or list still gets its header, found from the declared type Spring passes (it does for controller
 * answers such as {@code Page<IcsRating>}); a table's keyed columns (one per quarter rated, say) need rows, and are
 * left out of an empty table's header. Anything else is not written as CSV: it answers {@code 406}.
 */
public class CsvMessageConverter extends AbstractHttpMessageConverter<Object>
        implements GenericHttpMessageConverter<Object> {

    /** {@code text/csv}; answers always carry {@code charset=UTF-8}. */
    public static final MediaType TEXT_CSV = new MediaType("text", "csv");

    public CsvMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    /** The columns an answer of the declared type is written with, as the OpenAPI description states them. */
    public static List<String> columns(ResolvableType declared) {
        return table(declared, null).map(CsvTable::columns).orElse(List.of());
    }

    // ---------------------------------------------------------------- HttpMessageConverter

    @Override
    protected boolean supports(Class<?> clazz) {
        return CsvView.class.isAssignableFrom(clazz)
                || Page.class.isAssignableFrom(clazz)
                || Collection.class.isAssignableFrom(clazz)
                || CsvTables.forRows(clazz).isPresent();
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
        CsvWriter.write(rows(body, ResolvableType.NONE), outputMessage.getBody());
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

    /** A page or list is CSV only when its declared rows have a table (or it says for itself how it reads). */
    @Override
    public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
        if (!canWrite(mediaType)) {
            return false;
        }
        Class<?> valueClass =
                clazz != null ? clazz : ResolvableType.forType(type).resolve(Object.class);
        if (CsvView.class.isAssignableFrom(valueClass)) {
            return true;
        }
        return type == null
                ? supports(valueClass)
                : table(ResolvableType.forType(type), null).isPresent();
    }

    /** Writes the body knowing its declared type, which gives an empty page or list its header. */
    @Override
    public void write(
            Object body, @Nullable Type type, @Nullable MediaType contentType, HttpOutputMessage outputMessage)
            throws IOException, HttpMessageNotWritableException {
        write(
                rows(body, type == null ? ResolvableType.NONE : ResolvableType.forType(type)),
                contentType,
                outputMessage);
    }

    // ---------------------------------------------------------------- from answer to rows

    private static CsvView rows(Object body, ResolvableType declared) {
        if (body instanceof CsvView view) {
            return view;
        }
        List<?> items = body instanceof Page<?> page
                ? page.items()
                : body instanceof Collection<?> collection ? List.copyOf(collection) : List.of(body);
        Optional<CsvTable<?>> table = table(declared, body);
        if (table.isEmpty() && items.isEmpty()) {
            return CsvView.of(List.of(), List.of());
        }
        return rowsOf(
                table.orElseThrow(() -> new HttpMessageNotWritableException(
                        "no CSV table for " + body.getClass().getSimpleName() + " (see CsvTables)")),
                items);
    }

    @SuppressWarnings("unchecked")
    private static <T> CsvView rowsOf(CsvTable<T> table, List<?> items) {
        for (Object item : items) {
            if (!table.rowType().isInstance(item)) {
                throw new HttpMessageNotWritableException("a " + item.getClass().getSimpleName()
                        + " is not a row of the " + table.rowType().getSimpleName() + " table");
            }
        }
        return table.rows((List<T>) items);
    }

    /** The table for an answer: by the declared row type, or else by the rows the answer holds. */
    private static Optional<CsvTable<?>> table(ResolvableType declared, @Nullable Object body) {
        Class<?> raw = declared.resolve(Object.class);
        ResolvableType row = Page.class.isAssignableFrom(raw)
                ? declared.as(Page.class).getGeneric(0)
                : Collection.class.isAssignableFrom(raw)
                        ? declared.as(Collection.class).getGeneric(0)
                        : declared;
        Optional<CsvTable<?>> declaredTable = Optional.ofNullable(row.resolve()).flatMap(CsvTables::forRows);
        if (declaredTable.isPresent() || body == null) {
            return declaredTable;
        }
        List<?> items = body instanceof Page<?> page
                ? page.items()
                : body instanceof Collection<?> collection ? List.copyOf(collection) : List.of(body);
        return items.isEmpty()
                ? Optional.empty()
                : CsvTables.forRows(items.get(0).getClass());
    }
}
