package uk.nhs.ics.transition.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's own files (the tests run in modules/app), read as text or YAML. */
public final class Repository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Repository() {}

    public static Path root() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("modules"))) {
            throw new IllegalStateException("not the repository's root: " + root);
        }
        return root;
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new AssertionError(relative + " does not exist");
        }
        return file;
    }

    public static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, as JSON trees (anchors and merge keys resolved). */
    public static List<JsonNode> yaml(String relative) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(read(relative))) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(read(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a folder of the repository whose names end so. */
    public static List<String> files(String folder, String suffix) {
        try (var listing = Files.list(file(folder))) {
            return listing.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .map(f -> root().relativize(f).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
