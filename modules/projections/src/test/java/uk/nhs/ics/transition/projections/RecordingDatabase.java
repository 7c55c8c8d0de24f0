package uk.nhs.ics.transition.projections;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A stand-in for the database that records what a projection's client sends it, as "method: sql (rows)" lines and
 * the named parameters of each statement; it answers 1 to an update and nothing to a query.
 */
final class RecordingDatabase {

    /** Every call, as "method: sql" ("batchUpdate: sql (n rows)" for a batch; "classic ..." for positional ones). */
    final List<String> calls = new ArrayList<>();

    /** The named parameters of each single statement sent, in order. */
    final List<Map<String, Object>> parameters = new ArrayList<>();

    final NamedParameterJdbcOperations operations = named();

    /** The parameters of the only statement sent. */
    Map<String, Object> onlyParameters() {
        if (parameters.size() != 1) {
            throw new AssertionError("expected one statement, got " + calls);
        }
        return parameters.get(0);
    }

    /** The SQL of the only statement sent. */
    String onlySql() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one statement, got " + calls);
        }
        return calls.get(0).substring(calls.get(0).indexOf(": ") + 2);
    }

    private NamedParameterJdbcOperations named() {
        JdbcOperations classic = (JdbcOperations) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {JdbcOperations.class}, (proxy, method, args) -> {
                    calls.add("classic " + method.getName() + ": " + args[0]);
                    return answer(method);
                });
        return (NamedParameterJdbcOperations) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {NamedParameterJdbcOperations.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getJdbcOperations")) {
                        return classic;
                    }
                    if (method.getName().equals("batchUpdate")) {
                        int rows = ((SqlParameterSource[]) args[1]).length;
                        calls.add("batchUpdate: " + args[0] + " (" + rows + " rows)");
                        return new int[rows];
                    }
                    calls.add(method.getName() + ": " + args[0]);
                    if (args.length > 1 && args[1] instanceof SqlParameterSource source) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        String[] names = source.getParameterNames();
                        if (names != null) {
                            for (String name : names) {
                                values.put(name, source.getValue(name));
                            }
                        }
                        parameters.add(values);
                    }
                    return answer(method);
                });
    }

    private static Object answer(Method method) {
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return 1;
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }
}
