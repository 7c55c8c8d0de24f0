package uk.nhs.ics.transition.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a controller method does, checked by {@link AuthorizationInterceptor} before the request body is read: an
 * unknown organisation in the path is 404, a caller who may not do the action is 403.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    Action value();

    /** The path variable naming the target: {@code icsCode}, {@code ccgCode} or {@code regionCode}; empty for none. */
    String target() default "";
}
