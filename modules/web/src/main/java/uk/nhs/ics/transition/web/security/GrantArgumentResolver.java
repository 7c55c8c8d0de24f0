package uk.nhs.ics.transition.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the {@link Grant} its {@link Requires} check found. */
public class GrantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Grant.class);
    }

    @Override
    public Grant resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Object grant =
                webRequest.getNativeRequest(HttpServletRequest.class).getAttribute(AuthorizationInterceptor.GRANT);
        if (grant == null) {
            throw new IllegalStateException("the handler takes a Grant but has no @Requires");
        }
        return (Grant) grant;
    }
}
