package uk.nhs.ics.transition.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.CallerArgumentResolver;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.GrantArgumentResolver;

/**
 * One write as a controller states it. Who asks (the caller, and the grant the handler's {@code @Requires} check
 * found), the precondition the request names ({@code If-Match}) and its {@code Idempotency-Key} are resolved once,
 * from the request, before the handler runs; the handler only builds its command and hands it over:
 *
 * <pre>{@code
 * public ResponseEntity<?> start(@PathVariable String icsCode, WriteContext write) {
 *     return write.execute(new StartMilestone(IcsCode.of(icsCode), code, write.ifMatch()));
 * }
 * }</pre>
 *
 * A handler takes it as a parameter (see {@link Resolver}); it is hidden from the contract, like the caller.
 */
public final class WriteContext {

    private final Writes writes;
    private final HttpServletRequest request;
    private final Caller caller;
    private final Grant grant;

    WriteContext(Writes writes, HttpServletRequest request, Caller caller, Grant grant) {
        this.writes = writes;
        this.request = request;
        this.caller = caller;
        this.grant = grant;
    }

    /** The version the request's {@code If-Match} names, or null when it names none. */
    public Long ifMatch() {
        return Versions.ifMatch(request);
    }

    public Caller caller() {
        return caller;
    }

    public Grant grant() {
        return grant;
    }

    public HttpServletRequest request() {
        return request;
    }

    /** Sends the command on the caller's behalf and answers with the new version once stored ({@link Writes}). */
    public ResponseEntity<?> execute(Object command) {
        return writes.execute(request, caller, grant, command);
    }

    /**
     * Builds the command and sends it, for a command that names a field otherwise than the request does: a refusal in
     * building it names the request's field, as one in deciding it does ({@link RequestFields}).
     */
    public <C> ResponseEntity<?> execute(Class<C> type, Supplier<? extends C> build) {
        C command;
        try {
            command = build.get();
        } catch (RuntimeException refused) {
            throw RequestFields.inRequestTerms(type, refused);
        }
        return execute(command);
    }

    /** Like {@link #execute(Object)}, for a write whose answer says more than the version. */
    public ResponseEntity<?> execute(Object command, Function<CommandOutcome, Object> answer) {
        return writes.execute(request, caller, grant, command, answer);
    }

    /** Lets a handler with a {@code @Requires} check take the {@link WriteContext} of its request as a parameter. */
    public static final class Resolver implements HandlerMethodArgumentResolver {

        private final ObjectProvider<Writes> writes;
        private final GrantArgumentResolver grants = new GrantArgumentResolver();

        public Resolver(ObjectProvider<Writes> writes) {
            this.writes = writes;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(WriteContext.class);
        }

        @Override
        public WriteContext resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            return new WriteContext(
                    writes.getObject(),
                    webRequest.getNativeRequest(HttpServletRequest.class),
                    CallerArgumentResolver.current(),
                    grants.resolveArgument(parameter, mavContainer, webRequest, binderFactory));
        }
    }
}
