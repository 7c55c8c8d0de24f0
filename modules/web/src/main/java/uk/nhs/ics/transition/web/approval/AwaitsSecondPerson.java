package uk.nhs.ics.transition.web.approval;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An action carried out through {@link FourEyes}: when it needs a second person (the default), it answers 202 with the
 * approval that waits for one ({@link FourEyes.Pending}, its {@code Location}) instead of carrying it out. The OpenAPI
 * description documents exactly this for the methods so marked; the architecture test keeps the mark and the calls to
 * {@link FourEyes} together.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AwaitsSecondPerson {}
