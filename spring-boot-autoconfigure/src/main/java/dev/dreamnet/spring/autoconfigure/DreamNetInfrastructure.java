package dev.dreamnet.spring.autoconfigure;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * Marks the beans DreamNet's auto-configuration defines, its configuration classes and its properties (a record, bound
 * as it is built) as synthetic: infrastructure that the application's bean post-processors leave alone. Without it,
 * every auto-proxy creator in the application (AspectJ aspects, such as Resilience4j's; transaction advisors; method
 * security) matched every method of every DreamNet bean against its pointcuts at start, reading each class file and
 * resolving every type in its method signatures, and no application aspect is meant to wrap DreamNet's own beans.
 * Spring still injects them, finds them by type (listeners, lifecycle, health contributors, endpoints, filters) and
 * destroys them. A bean the application defines in place of one of DreamNet's, by type or by name, is not marked.
 */
final class DreamNetInfrastructure implements BeanFactoryPostProcessor {

    private static final String CONFIGURATION = DreamNetAutoConfiguration.class.getName();
    private static final String NESTED = CONFIGURATION + "$";
    private static final String OPENFEATURE = DreamNetAutoConfiguration.class.getPackageName()
            + ".DreamNetOpenFeatureConfiguration"; // by name: the class needs OpenFeature on the class path
    /** Registered by {@code @EnableConfigurationProperties}; bound as it is built (a record), not by a post-processor. */
    private static final String PROPERTIES = DreamNetProperties.class.getName();

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        for (String name : beans.getBeanDefinitionNames()) {
            if (beans.getBeanDefinition(name) instanceof AbstractBeanDefinition definition && ours(definition)) {
                definition.setSynthetic(true);
            }
        }
    }

    /**
     * Defined by a {@code @Bean} method of DreamNet's auto-configuration, or one of its configuration classes, or
     * DreamNet's properties.
     */
    static boolean ours(BeanDefinition definition) {
        String type = definition.getBeanClassName();
        if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
            type = annotated.getFactoryMethodMetadata().getDeclaringClassName();
        }
        return type != null && (type.equals(CONFIGURATION) || type.startsWith(NESTED) || type.equals(OPENFEATURE)
                || type.equals(PROPERTIES));
    }
}
