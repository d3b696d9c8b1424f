package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.resilience.Downstreams;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Proxies every bean with a {@link DreamNetCall} method (or class) so that those calls go through
 * {@link Downstreams#call}: the downstream's breaker, retries and timeout. The downstreams are looked up at the first
 * call, so the proxied beans may be created before DreamNet. What the method throws reaches the caller as it is; an
 * open breaker throws {@link dev.dreamnet.core.breaker.CallNotPermittedException} without calling it. Thread-safe.
 */
public final class DreamNetCallProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    private static final long serialVersionUID = 1L;

    public DreamNetCallProcessor(ObjectProvider<Downstreams> downstreams) {
        ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(DreamNetCall.class, true))
                .union(new AnnotationMatchingPointcut(null, DreamNetCall.class, true));
        this.advisor = new DefaultPointcutAdvisor(pointcut, new Interceptor(downstreams));
        setBeforeExistingAdvisors(true);
    }

    private record Interceptor(ObjectProvider<Downstreams> downstreams) implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            String service = downstream(invocation.getMethod(), invocation.getThis());
            return downstreams.getObject().call(service, () -> {
                try {
                    return invocation.proceed();
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
        }

        private static String downstream(Method method, Object target) {
            DreamNetCall call = AnnotatedElementUtils.findMergedAnnotation(method, DreamNetCall.class);
            if (call == null && target != null) {
                call = AnnotatedElementUtils.findMergedAnnotation(target.getClass(), DreamNetCall.class);
            }
            if (call == null) {
                throw new IllegalStateException("no @DreamNetCall on " + method);
            }
            return call.value();
        }
    }
}
