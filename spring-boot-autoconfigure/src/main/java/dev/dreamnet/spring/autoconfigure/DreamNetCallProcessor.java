package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.resilience.Downstreams;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Proxies every bean with a {@link DreamNetCall} method (or class) so that those calls go through
 * {@link Downstreams#call}: the downstream's breaker, retries and timeout. The downstreams are looked up at the first
 * call, so the proxied beans may be created before DreamNet; once every singleton exists, a name the resilience
 * configuration does not have fails the start. What the method throws reaches the caller as it is; an open breaker
 * throws {@link dev.dreamnet.core.breaker.CallNotPermittedException} without calling it. Thread-safe.
 */
public final class DreamNetCallProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
        implements SmartInitializingSingleton {

    private static final long serialVersionUID = 1L;
    /** Packages of libraries that do not know DreamNet, so none of their types carries the annotation. */
    private static final String[] NEVER_ANNOTATED = {"java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
        "org.springframework.", "io.micrometer.", "org.apache.", "tools.jackson.", "com.fasterxml.", "ch.qos.",
        "org.slf4j.", "com.zaxxer.", "org.h2.", "io.opentelemetry.", "org.hibernate.", "kotlin."};

    private final transient ObjectProvider<Downstreams> downstreams;
    /** The bean classes given the interceptor, until their downstreams' names are checked once the beans exist. */
    private final transient Set<Class<?>> advised = ConcurrentHashMap.newKeySet();

    public DreamNetCallProcessor(ObjectProvider<Downstreams> downstreams) {
        this.downstreams = downstreams;
        ComposablePointcut annotated = new ComposablePointcut(new AnnotationMatchingPointcut(DreamNetCall.class, true))
                .union(new AnnotationMatchingPointcut(null, DreamNetCall.class, true));
        // Spring's search of every method's hierarchy for the annotation, run for every bean, cost a start about
        // 0.4 s of C2 compilation (JFR, docs/PERFORMANCE.md): a bean whose types declare no @DreamNetCall at all is
        // ruled out first, from their declared annotations, and the types of libraries that do not know DreamNet are
        // not read at all.
        ComposablePointcut pointcut = new ComposablePointcut(DreamNetCallProcessor::declaresCall).intersection(annotated);
        this.advisor = new DefaultPointcutAdvisor(pointcut, new Interceptor(downstreams));
        setBeforeExistingAdvisors(true);
    }

    @Override
    protected boolean isEligible(Class<?> targetClass) {
        boolean eligible = super.isEligible(targetClass);
        if (eligible) {
            advised.add(targetClass);
        }
        return eligible;
    }

    /**
     * Fails the start when a {@link DreamNetCall} names a downstream that the resilience configuration does not have,
     * naming the method and the downstreams it has, rather than at the method's first call. The names cannot change
     * after the start: a reload of {@code resilience.yaml} keeps its services.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Downstreams configured = downstreams.getIfAvailable();
        if (configured == null || advised.isEmpty()) {
            return;
        }
        Set<String> names = Set.copyOf(configured.names());
        Map<String, String> unknown = new TreeMap<>();
        Map<String, String> later = new TreeMap<>();
        for (Class<?> type : advised) {
            later.putAll(laterAnswers(type));
        }
        if (!later.isEmpty()) {
            advised.clear();
            StringBuilder message = new StringBuilder();
            later.forEach((where, returns) -> message.append(message.isEmpty() ? "" : "; ").append(where)
                    .append(" returns ").append(returns));
            throw new DreamNetConfigurationException(message + ", with @DreamNetCall: the breaker, retries and timeout"
                    + " guard a call that returns its answer, and this one returns before the downstream has answered,"
                    + " so its failures would never reach them. Make the call blocking, or, in a reactive application,"
                    + " call Downstreams.call(name, ...) inside Mono.fromCallable(...) on a bounded-elastic scheduler;"
                    + " or remove the annotation");
        }
        for (Class<?> type : advised) {
            calls(type).forEach((where, service) -> {
                if (!names.contains(service)) {
                    unknown.put(where, service);
                }
            });
        }
        advised.clear();
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder();
            unknown.forEach((where, service) -> message.append(message.isEmpty() ? "" : "; ").append(where)
                    .append(" has @DreamNetCall(\"").append(service).append("\")"));
            throw new DreamNetConfigurationException(message + ", but the resilience configuration (dreamnet.resilience)"
                    + " has no such downstream service (configured: " + String.join(", ", configured.names())
                    + "); add it under services: in resilience.yaml or correct the name");
        }
    }

    /** The downstream named on {@code type} (key "Type") and on each of its methods (key "Type.method()"). */
    private static Map<String, String> calls(Class<?> type) {
        Map<String, String> calls = new TreeMap<>();
        String name = ClassUtils.getUserClass(type).getSimpleName();
        DreamNetCall onType = AnnotatedElementUtils.findMergedAnnotation(type, DreamNetCall.class);
        if (onType != null) {
            calls.put(name, onType.value());
        }
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
            DreamNetCall call = AnnotatedElementUtils.findMergedAnnotation(method, DreamNetCall.class);
            if (call != null) {
                calls.put(name + "." + method.getName() + "()", call.value());
            }
        }
        return calls;
    }

    /**
     * The methods of {@code type} the interceptor guards ("Type.method()") that answer later, by the type they return:
     * a {@code CompletionStage}, a {@code Future} or a Reactive Streams {@code Publisher} ({@code Mono}, {@code Flux}).
     */
    private static Map<String, String> laterAnswers(Class<?> type) {
        Map<String, String> later = new TreeMap<>();
        String name = ClassUtils.getUserClass(type).getSimpleName();
        boolean onType = AnnotatedElementUtils.findMergedAnnotation(type, DreamNetCall.class) != null;
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
            boolean guarded = onType ? Modifier.isPublic(method.getModifiers())
                    : AnnotatedElementUtils.findMergedAnnotation(method, DreamNetCall.class) != null;
            if (guarded && answersLater(method.getReturnType())) {
                later.put(name + "." + method.getName() + "()", method.getReturnType().getSimpleName());
            }
        }
        return later;
    }

    private static boolean answersLater(Class<?> returned) {
        return CompletionStage.class.isAssignableFrom(returned)
                || Future.class.isAssignableFrom(returned)
                || isPublisher(returned, new HashSet<>());
    }

    /** Whether {@code type} is a Reactive Streams {@code Publisher}, read by name: the library may be absent. */
    private static boolean isPublisher(Class<?> type, Set<Class<?>> seen) {
        if (type == null || !seen.add(type)) {
            return false;
        }
        if (type.getName().equals("org.reactivestreams.Publisher")) {
            return true;
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isPublisher(parent, seen)) {
                return true;
            }
        }
        return isPublisher(type.getSuperclass(), seen);
    }

    /** Whether {@code type}, a superclass or an interface of it, or a method one of them declares, has the annotation. */
    static boolean declaresCall(Class<?> type) {
        Deque<Class<?>> left = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        left.add(type);
        while (!left.isEmpty()) {
            Class<?> next = left.removeFirst();
            if (neverAnnotated(next.getName()) || !seen.add(next)) {
                continue;
            }
            if (next.getDeclaredAnnotation(DreamNetCall.class) != null) {
                return true;
            }
            for (Method method : ReflectionUtils.getDeclaredMethods(next)) {
                if (method.getDeclaredAnnotation(DreamNetCall.class) != null) {
                    return true;
                }
            }
            if (next.getSuperclass() != null) {
                left.add(next.getSuperclass());
            }
            Collections.addAll(left, next.getInterfaces());
        }
        return false;
    }

    private static boolean neverAnnotated(String type) {
        for (String library : NEVER_ANNOTATED) {
            if (type.startsWith(library)) {
                return true;
            }
        }
        return false;
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
