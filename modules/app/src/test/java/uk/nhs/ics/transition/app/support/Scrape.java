package uk.nhs.ics.transition.app.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus scrape in the text format, read line by line: its samples and their metric families' types. */
public record Scrape(String text) {

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: its name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    public List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                throw new IllegalStateException("not a sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return samples;
    }

    /** The names of every sample (what a query names: {@code x_bucket}, {@code x_total}...). */
    public Set<String> sampleNames() {
        Set<String> names = new TreeSet<>();
        samples().forEach(sample -> names.add(sample.name()));
        return names;
    }

    public List<Sample> samples(String name) {
        return samples().stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The samples of the name whose labels include these. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples(name, labels);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples of " + name + " with " + labels);
        }
        return matching.get(0).value();
    }

    /** The type each metric family declares ({@code # TYPE name type}). */
    public Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            }
        }
        return types;
    }
}
