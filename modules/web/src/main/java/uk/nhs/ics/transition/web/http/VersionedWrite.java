package uk.nhs.ics.transition.web.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write carried out by {@link Writes}: it honours {@code If-Match} (412 when stale, before any rule) and
 * {@code Idempotency-Key}, and answers with the aggregate's version as {@code ETag} (by default in a
 * {@link CommandAnswer}). The OpenAPI description documents exactly this for the methods so marked; the architecture
 * test keeps the mark and the calls to {@link Writes} together.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface VersionedWrite {}
