package uk.nhs.ics.transition.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.ics.transition.projections.ReplaySnapshots;

/**
 * While a read model is being replayed, runs each read in a read-only transaction whose search path finds the copy
 * of that read model's tables first ({@link ReplaySnapshots}), so the read answers with the state as it was when the
 * replay began rather than a half-built one. The other read models are not copied, so their tables are found where
 * they always are. With no replay running (nearly always) a read runs exactly as it otherwise would.
 */
public class SnapshotReads extends OncePerRequestFilter {

    private final ReplaySnapshots snapshots;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    public SnapshotReads(ReplaySnapshots snapshots, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!snapshots.any()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            readOnly.executeWithoutResult(tx -> {
                jdbc.sql("SELECT set_config('search_path', :path, true)")
                        .param("path", ReplaySnapshots.SEARCH_PATH)
                        .query(String.class)
                        .single();
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new Failure(e);
                }
            });
        } catch (Failure failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        }
    }

    /** Carries a checked failure of the chain out of the transaction. */
    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }
    }
}
