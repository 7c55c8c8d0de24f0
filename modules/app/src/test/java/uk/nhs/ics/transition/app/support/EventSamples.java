package uk.nhs.ics.transition.app.support;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;

/**
 * Every event the domain can record, found by scanning the messages module (so a new event is covered the day it is
 * added), and a sample of each with a value in every field.
 */
public final class EventSamples {

    private EventSamples() {}

    public static Stream<Class<?>> events() {
        return new ClassFileImporter()
                .importPackages("uk.nhs.ics.transition.messages").stream()
                        .filter(c -> c.isAnnotatedWith(Revision.class))
                        .map(JavaClass::reflect)
                        .sorted((a, b) -> a.getName().compareTo(b.getName()))
                        .map(c -> (Class<?>) c);
    }

    public static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(value(arguments[0]));
            }
            if (raw == Map.class) {
                return Map.of(value(arguments[0]), value(arguments[1]));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "text with \"quotes\", commas and ünïcödé";
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2021, 12, 24);
        }
        if (raw == java.time.Instant.class) {
            return java.time.Instant.parse("2021-12-31T17:00:00Z");
        }
        if (raw == IcsCode.class) {
            return IcsCode.of("QKS");
        }
        if (raw == CcgCode.class) {
            return CcgCode.of("91Q");
        }
        if (raw == RegionCode.class) {
            return RegionCode.of("Y59");
        }
        if (raw == Baseline.class) {
            return Programme.JUNE_2021_BASELINE.rebaselined(
                    Map.of(Quarter.Q4, LocalDate.of(2022, 6, 30)),
                    LocalDate.of(2022, 7, 1),
                    Map.of(MilestoneCode.Q4_SYSTEMS_READY, LocalDate.of(2022, 6, 15)));
        }
        if (raw == Evidence.class) {
            return new Evidence("KM-BOARD-2021-06-24", "Approved by the board");
        }
        if (raw == BoardSeat.class) {
            return BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 2);
        }
        if (raw == BoardGap.class) {
            return new BoardGap(BoardGap.MENTAL_HEALTH_EXPERTISE, "Recruiting by March");
        }
        if (raw == DueDiligenceItemId.class) {
            return DueDiligenceItemId.number(3);
        }
        if (raw == TransferItemReference.class) {
            return TransferItemReference.of("CON-0042");
        }
        if (raw == TransferItemId.class) {
            return TransferItemId.number(12);
        }
        if (raw == SchemeParty.class) {
            return SchemeParty.ics(IcsCode.of("QJ2"));
        }
        if (raw == Money.class) {
            return Money.pence(120_000_000);
        }
        if (raw == Wte.class) {
            return Wte.of(new BigDecimal("12.50"));
        }
        if (raw == TransferItemDetails.class) {
            return new TransferItemDetails.Contract(
                    "Community services", "Kent Community Health", Money.pence(1), LocalDate.of(2023, 3, 31), true);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        throw new IllegalArgumentException("no sample value for " + type + ": add one");
    }
}
