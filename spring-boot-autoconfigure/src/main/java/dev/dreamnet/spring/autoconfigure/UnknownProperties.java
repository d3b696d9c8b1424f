package dev.dreamnet.spring.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The {@code dreamnet.*} settings an application gives that no DreamNet property has: {@code dreamnet.web.enabeld=false}
 * was ignored without a word, as Spring Boot ignores any key it does not bind, and the filter stayed on. Read from the
 * application's configuration files, command line and test properties, under Boot's relaxed names ({@code
 * shutdownGrace} is {@code shutdown-grace}); not from the process's environment variables or system properties, which
 * other tools share. Stateless.
 */
final class UnknownProperties {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownProperties.class);
    private static final String PREFIX = "dreamnet";
    private static final List<String> SHARED = List.of(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);

    private UnknownProperties() {
    }

    /** Logs a warning for each key of {@link #in}: a misspelt setting is otherwise silently without effect. */
    static void warn(Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (String key : in(configurable)) {
                LOG.warn("{} is not a DreamNet property and has no effect: check its spelling against the "
                        + "dreamnet.* properties (docs/SPRING-BOOT.md, or your IDE's completion)", key);
            }
        }
    }

    /** The keys under {@code dreamnet.} that name no property of {@link DreamNetProperties}, in name order. */
    static List<String> in(ConfigurableEnvironment environment) {
        TreeSet<String> given = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!SHARED.contains(source.getName()) && source instanceof EnumerablePropertySource<?> names) {
                for (String key : names.getPropertyNames()) {
                    if (key.startsWith(PREFIX + ".")) {
                        given.add(key);
                    }
                }
            }
        }
        if (given.isEmpty()) {
            return List.of(); // nothing to check, so no property names to derive at start
        }
        List<ConfigurationPropertyName> known = new ArrayList<>();
        List<ConfigurationPropertyName> maps = new ArrayList<>();
        names(PREFIX, DreamNetProperties.class, known, maps);
        return given.stream().filter(key -> !isKnown(key, known, maps)).toList();
    }

    private static boolean isKnown(String key, List<ConfigurationPropertyName> known,
                                   List<ConfigurationPropertyName> maps) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
        while (name.isLastElementIndexed()) {
            name = name.getParent(); // dreamnet.web.ungated[0] is dreamnet.web.ungated
        }
        ConfigurationPropertyName given = name;
        return known.contains(given) || maps.stream().anyMatch(map -> map.isAncestorOf(given));
    }

    /** The names of {@code type}'s components under {@code prefix}: records are walked, maps take any key. */
    private static void names(String prefix, Class<?> type, List<ConfigurationPropertyName> known,
                              List<ConfigurationPropertyName> maps) {
        for (RecordComponent component : type.getRecordComponents()) {
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(prefix + "." + component.getName(), '.');
            if (component.getType().isRecord()) {
                names(prefix + "." + component.getName(), component.getType(), known, maps);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                maps.add(name);
            } else {
                known.add(name);
            }
        }
    }
}
