package uk.nhs.ics.transition.web.csv;

import org.springframework.core.MethodParameter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every CSV answer of the API is a file a spreadsheet user can save: it carries
 * {@code Content-Disposition: attachment; filename="..."}, named after the path ({@code /api/v1/readiness/overdue}
 * gives {@code readiness-overdue.csv}), unless the controller named the file itself.
 */
@ControllerAdvice
public class CsvAttachment implements ResponseBodyAdvice<Object> {

    private static final String API = "/api/v1/";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return CsvMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        if (!headers.containsKey(HttpHeaders.CONTENT_DISPOSITION)) {
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(fileName(request.getURI().getPath()))
                    .build());
        }
        return body;
    }

    /** The file name for an answer at the path: its segments under {@code /api/v1/} joined by dashes. */
    static String fileName(String path) {
        String under = path.startsWith(API) ? path.substring(API.length()) : path;
        String name = under.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return (name.isEmpty() ? "answer" : name) + ".csv";
    }
}
