package uk.nhs.ics.transition.web.ccg;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.nhs.ics.transition.messages.ccg.TransferItemKind;

/**
 * The columns of a transfer register, named as the single-item API names its fields, in the order the template and
 * the export write them. A register may leave out the columns its kinds do not use, and order them as it likes.
 */
enum RegisterColumn {
    KIND("kind", Type.TEXT, EnumSet.allOf(TransferItemKind.class)),
    REFERENCE("reference", Type.TEXT, EnumSet.allOf(TransferItemKind.class)),
    DESCRIPTION("description", Type.TEXT, EnumSet.allOf(TransferItemKind.class)),
    RECEIVING_ICS("receivingIcs", Type.TEXT, EnumSet.allOf(TransferItemKind.class)),
    VALUE_PENCE("valuePence", Type.WHOLE_NUMBER, EnumSet.of(TransferItemKind.ASSET, TransferItemKind.LIABILITY)),
    COUNTERPARTY("counterparty", Type.TEXT, EnumSet.of(TransferItemKind.CONTRACT)),
    ANNUAL_VALUE_PENCE("annualValuePence", Type.WHOLE_NUMBER, EnumSet.of(TransferItemKind.CONTRACT)),
    END_DATE("endDate", Type.DATE, EnumSet.of(TransferItemKind.CONTRACT)),
    NOVATION_REQUIRED("novationRequired", Type.BOOLEAN, EnumSet.of(TransferItemKind.CONTRACT)),
    STAFF_GROUP("staffGroup", Type.TEXT, EnumSet.of(TransferItemKind.STAFF)),
    HEADCOUNT("headcount", Type.WHOLE_NUMBER, EnumSet.of(TransferItemKind.STAFF)),
    WTE("wte", Type.DECIMAL, EnumSet.of(TransferItemKind.STAFF));

    /** What a column's cells hold. */
    enum Type {
        TEXT,
        WHOLE_NUMBER,
        DECIMAL,
        DATE,
        BOOLEAN
    }

    /** The columns every register has. */
    static final Set<RegisterColumn> REQUIRED = EnumSet.of(KIND, REFERENCE, DESCRIPTION);

    /** Every column's name, in order, for messages and headers. */
    static final List<String> NAMES = Stream.of(values()).map(c -> c.header).toList();

    private static final Map<String, RegisterColumn> BY_NAME =
            Stream.of(values()).collect(Collectors.toMap(c -> c.header.toLowerCase(Locale.ROOT), Function.identity()));

    final String header;
    final Type type;
    final Set<TransferItemKind> kinds;

    RegisterColumn(String header, Type type, Set<TransferItemKind> kinds) {
        this.header = header;
        this.type = type;
        this.kinds = kinds;
    }

    /** The column a header cell names, ignoring case and surrounding spaces. */
    static Optional<RegisterColumn> named(String header) {
        return Optional.ofNullable(BY_NAME.get(header.strip().toLowerCase(Locale.ROOT)));
    }

    boolean isNumber() {
        return type == Type.WHOLE_NUMBER || type == Type.DECIMAL;
    }
}
