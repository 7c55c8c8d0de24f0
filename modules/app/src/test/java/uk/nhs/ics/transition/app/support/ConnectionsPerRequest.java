package uk.nhs.ics.transition.app.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the pool connections each request thread holds at once, through a proxy of the service's data source (see
 * {@link EndToEndTest}): a request that holds two (a query run inside another's row mapping) can exhaust the pool
 * under load, so the most any request held is what a test asserts.
 */
public final class ConnectionsPerRequest {

    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final AtomicInteger MOST = new AtomicInteger();

    private ConnectionsPerRequest() {}

    /** The most connections one request thread has held at once since the last {@link #reset}. */
    public static int most() {
        return MOST.get();
    }

    public static void reset() {
        MOST.set(0);
    }

    static DataSource tracking(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                dataSource.getClass().getInterfaces().length > 0
                        ? dataSource.getClass().getInterfaces()
                        : new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (method.getName().equals("getConnection") && result instanceof Connection connection) {
                        return tracked(connection);
                    }
                    return result;
                });
    }

    private static Connection tracked(Connection connection) {
        boolean request = Thread.currentThread().getName().startsWith("http-nio");
        int[] held = HELD.get();
        if (request) {
            held[0]++;
            MOST.accumulateAndGet(held[0], Math::max);
        }
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close") && !closed) {
                    closed = true;
                    if (request) {
                        held[0]--;
                    }
                }
                if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                    return ConnectionsPerRequest.invoke(connection, method, args);
                }
                return ConnectionsPerRequest.invoke(connection, method, args);
            }
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
