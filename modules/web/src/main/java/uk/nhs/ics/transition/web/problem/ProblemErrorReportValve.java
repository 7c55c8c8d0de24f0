package uk.nhs.ics.transition.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own errors, for requests the service never sees (a path with an encoded NUL, headers larger than the
 * limit, an unparseable request line), answered as problem details like every other error instead of Tomcat's HTML
 * page. Nothing of the request or of Tomcat is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = reason(status);
        String code = reason.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        String body = "{\"type\":\"urn:ics-transition:problem:"
                + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + reason + "\",\"status\":" + status + ",\"detail\":\""
                + detail(status) + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.resetBuffer();
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response is committed: nothing more can be said
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be read (its path, headers or framing are not acceptable)";
            case 413, 431 -> "the request is larger than the service accepts";
            case 414 -> "the request's path is longer than the service accepts";
            default -> status >= 500 ? "the service failed to answer" : "the request is not acceptable";
        };
    }
}
