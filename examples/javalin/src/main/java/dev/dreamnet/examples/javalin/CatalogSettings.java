package dev.dreamnet.examples.javalin;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the catalog listens and what it talks to, read from the environment: {@code PORT} (8080),
 * {@code HOST} (0.0.0.0), {@code PRICING_URL} (http://127.0.0.1:8081), {@code CATALOG_CONFIG} (the {@code config}
 * directory) and {@code CATALOG_DATABASE}, where DreamNet keeps its audit log (an in-memory H2 by default). The whole
 * environment also goes to DreamNet, which reads its admin tokens ({@code DREAMNET_ADMIN_TOKENS}) from it.
 */
public record CatalogSettings(String host, int port, String pricingUrl, Path configDir, String database,
                              Map<String, String> environment) {

    public CatalogSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be between 0 and 65535, was " + port);
        }
        if (!pricingUrl.startsWith("http://") && !pricingUrl.startsWith("https://")) {
            throw new IllegalArgumentException("PRICING_URL must start with http:// or https://, was " + pricingUrl);
        }
        pricingUrl = pricingUrl.endsWith("/") ? pricingUrl.substring(0, pricingUrl.length() - 1) : pricingUrl;
        environment = Map.copyOf(environment);
    }

    public static CatalogSettings from(Map<String, String> env) {
        String port = env.getOrDefault("PORT", "8080");
        try {
            return new CatalogSettings(env.getOrDefault("HOST", "0.0.0.0"), Integer.parseInt(port),
                    env.getOrDefault("PRICING_URL", "http://127.0.0.1:8081"),
                    Path.of(env.getOrDefault("CATALOG_CONFIG", "config")),
                    env.getOrDefault("CATALOG_DATABASE", "jdbc:h2:mem:catalog"), env);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, was \"" + port + "\"");
        }
    }

    /** A file of the config directory. */
    public Path config(String file) {
        return configDir.resolve(file);
    }

    /** The URL the readiness gate checks: the catalog is not ready while pricing's health check fails. */
    public String pricingHealth() {
        return pricingUrl + "/health";
    }
}
