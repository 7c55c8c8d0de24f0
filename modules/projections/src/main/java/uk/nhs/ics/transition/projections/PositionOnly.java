package uk.nhs.ics.transition.projections;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection's event handler that writes nothing: it exists so the projection's position moves on with every
 * event of an aggregate. {@link ProjectionTransactions} records its position but spares it a savepoint, since there is
 * nothing to undo if it fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PositionOnly {}
