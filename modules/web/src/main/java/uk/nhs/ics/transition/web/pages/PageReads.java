package uk.nhs.ics.transition.web.pages;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a page's queries in one read-only, repeatable-read transaction: a page reads several read models, and they
 * must agree with one another (the counts at the top with the table below them) even while events are projected.
 */
@Component
class PageReads {

    private final TransactionTemplate snapshot;

    PageReads(PlatformTransactionManager transactions) {
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    <T> T consistently(Supplier<T> reads) {
        return snapshot.execute(tx -> reads.get());
    }
}
