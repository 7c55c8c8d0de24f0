package uk.nhs.ics.transition.web.csv;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that also answers as CSV, for {@code Accept: text/csv} or {@code ?format=csv} (with a
 * {@code Content-Disposition} file name, see {@link CsvAttachment}). The OpenAPI description declares {@code text/csv}
 * after JSON for it, with its rows and columns: the columns given here, or else those {@link CsvMessageConverter}
 * derives from the declared answer type.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CsvAnswer {

    /** What one row is, e.g. "one row per ICS". */
    String rows();

    /** The columns in order, where the answer says for itself how it reads as a table ({@link CsvView}). */
    String[] columns() default {};
}
