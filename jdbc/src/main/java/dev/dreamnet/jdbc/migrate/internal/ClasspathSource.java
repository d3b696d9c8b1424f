package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * SQL migration files under a classpath location, from directories and jars (a shaded jar too).
 * Every classpath entry holding the location contributes. Thread-safe.
 */
public final class ClasspathSource implements MigrationSource {

    private final String location;
    private final ClassLoader loader;

    public ClasspathSource(String location, ClassLoader loader) {
        this.location = trimSlashes(location);
        this.loader = loader;
    }

    private static String trimSlashes(String location) {
        String trimmed = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    @Override
    public List<Migration> load() {
        // Keyed by location: a directory or jar on the class path twice is read once.
        Map<String, SqlFile> files = new HashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(location))) {
                read(url).forEach(file -> files.putIfAbsent(file.location(), file));
            }
        } catch (IOException e) {
            throw new MigrationException(description() + ": cannot list migrations: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new MigrationException(description() + ": no migration files found on the class path");
        }
        return Sources.fromFiles(new ArrayList<>(files.values()));
    }

    private List<SqlFile> read(URL url) throws IOException {
        switch (url.getProtocol()) {
            case "file":
                try {
                    return DirectorySource.read(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IOException("bad file URL " + url, e);
                }
            case "jar":
                return readJar(url);
            default:
                throw new MigrationException(description() + ": cannot list " + url + " (only directories and jars)");
        }
    }

    private List<SqlFile> readJar(URL url) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        List<SqlFile> files = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            String prefix = location + "/";
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix) && entry.getName().endsWith(".sql")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        String fileName = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                        files.add(new SqlFile(jar.getName() + "!/" + entry.getName(), fileName, () -> text));
                    }
                }
            }
        }
        return files;
    }

    @Override
    public String description() {
        return "classpath:" + location;
    }
}
