package uk.nhs.ics.transition.web.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read of one aggregate's read model through {@link Reads}: it waits for {@code X-Min-Version} (503 when not reached
 * in time), answers with the version shown as {@code ETag}, and 304 for an {@code If-None-Match} that already has it.
 * The OpenAPI description documents exactly this for the methods so marked; the architecture test keeps the mark and
 * the calls to {@link Reads#awaitMinVersion} together.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface VersionedRead {

    /** Whether it answers {@code ETag} and 304 for {@code If-None-Match} ({@link Reads#versioned}); a file does not. */
    boolean answersVersion() default true;
}
