package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.runtime.kinds.AdvisoryCheck;
import org.springframework.beans.factory.BeanFactory;

/**
 * A service of the startup graph played by an application bean, looked up when the graph starts it (so the bean may
 * itself use DreamNet's beans without a cycle). A bean that is a {@link Component} is started and stopped; one that
 * is a {@link HealthCheck} gets a health gate once started. Thread-safe: the bean factory is.
 */
class BeanComponent implements Component {

    private final BeanFactory beans;
    private final String bean;

    BeanComponent(BeanFactory beans, String bean) {
        this.beans = beans;
        this.bean = bean;
    }

    /** The component for {@code bean}, a health check too when the bean is one (advisory when it is). */
    static Component of(BeanFactory beans, String bean) {
        if (beans.isTypeMatch(bean, AdvisoryCheck.class)) {
            return new Advisory(beans, bean);
        }
        return beans.isTypeMatch(bean, HealthCheck.class) ? new Checked(beans, bean) : new BeanComponent(beans, bean);
    }

    final Object bean() {
        return beans.getBean(bean);
    }

    @Override
    public void start() throws Exception {
        if (bean() instanceof Component component) {
            component.start();
        }
    }

    @Override
    public void stop() throws Exception {
        if (bean() instanceof Component component) {
            component.stop();
        }
    }

    @Override
    public String toString() {
        return "bean " + bean;
    }

    /** A bean that checks itself. */
    static class Checked extends BeanComponent implements HealthCheck {

        Checked(BeanFactory beans, String bean) {
            super(beans, bean);
        }

        @Override
        public CheckResult check() throws Exception {
            return ((HealthCheck) bean()).check();
        }
    }

    /** A bean whose check only reports: its gate never takes traffic away. */
    static final class Advisory extends Checked implements AdvisoryCheck {

        Advisory(BeanFactory beans, String bean) {
            super(beans, bean);
        }
    }
}
