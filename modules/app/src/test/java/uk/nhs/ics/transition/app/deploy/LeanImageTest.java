package uk.nhs.ics.transition.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Repository;

/**
 * The image carries only what it can use: the embedded default's PostgreSQL binaries are those of the machine that
 * built the jar (the image is built on Linux, so Linux's), and the Dockerfile resolves dependencies in a layer of their
 * own, copies the jar's layers least-changing first, checks its health and labels itself.
 */
class LeanImageTest {

    private static final Pattern BINARIES = Pattern.compile("postgres-([a-z]+)-([a-z0-9_]+)(-alpine_linux)?\\.txz");

    /** The PostgreSQL archives on the runtime class path (the jar's BOOT-INF/lib holds the same). */
    static List<String> binaries() throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : List.of(
                "postgres-linux-x86_64.txz",
                "postgres-linux-x86_64-alpine_linux.txz",
                "postgres-linux-arm_64.txz",
                "postgres-darwin-x86_64.txz",
                "postgres-darwin-arm_64.txz",
                "postgres-windows-x86_64.txz")) {
            for (URL url : Collections.list(LeanImageTest.class.getClassLoader().getResources(name))) {
                found.add(name + " in " + ((JarURLConnection) url.openConnection()).getJarFileURL());
            }
        }
        return found;
    }

    @Test
    void the_embedded_postgresql_binaries_are_the_build_machines_only() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : "windows";
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";

        List<String> binaries = binaries();

        assertThat(binaries).hasSize(1);
        Matcher binary = BINARIES.matcher(binaries.get(0));
        assertThat(binary.find()).isTrue();
        assertThat(binary.group(1)).isEqualTo(system);
        assertThat(binary.group(2)).isEqualTo(arch);
    }

    @Test
    void the_dockerfile_resolves_dependencies_before_copying_the_sources_and_copies_the_jars_layers_in_order() {
        String dockerfile = Repository.read("docker/Dockerfile");
        List<String> lines = dockerfile.lines().filter(l -> !l.startsWith("#")).toList();
        int resolve = indexOf(lines, "RUN ./mvnw .*dependency:go-offline.*");
        int sources = indexOf(lines, "COPY \\. \\.");

        assertThat(resolve).isPositive().isLessThan(sources);
        lines.subList(0, resolve).stream().filter(l -> l.startsWith("COPY")).forEach(copy -> assertThat(copy)
                .matches("COPY (mvnw pom\\.xml \\./|\\.mvn \\.mvn|modules/\\w+/pom\\.xml modules/\\w+/)"));
        assertThat(dockerfile)
                .contains("java -Djarmode=tools -jar modules/app/target/ics-transition.jar extract --layers");
        // the layers in layers.xml's order, each one a COPY of its own
        String layersXml = Repository.read("modules/app/src/main/layers.xml");
        Matcher order = Pattern.compile("<layer>([a-z-]+)</layer>").matcher(layersXml);
        List<String> layers = new ArrayList<>();
        while (order.find()) {
            layers.add(order.group(1));
        }
        List<String> copied = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY --from=build /extracted/([a-z-]+)/ \\./$")
                .matcher(dockerfile);
        while (copy.find()) {
            copied.add(copy.group(1));
        }
        assertThat(layers).hasSize(5);
        assertThat(copied).isEqualTo(layers);
    }

    @Test
    void the_image_checks_its_health_labels_itself_runs_as_a_user_and_is_where_the_migration_job_looks() {
        String dockerfile = Repository.read("docker/Dockerfile");

        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK (.*\\\\\n)*.*/actuator/health/liveness");
        for (String label : List.of("title", "description", "version", "revision", "created", "vendor", "base.name")) {
            assertThat(dockerfile).contains("org.opencontainers.image." + label + "=");
        }
        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT .*-jar /app/ics-transition\\.jar");
        assertThat(dockerfile).containsPattern("(?m)^COPY --from=build /extracted/application/ \\./$");
        assertThat(dockerfile).containsPattern("(?m)^WORKDIR /app$");
        assertThat(dockerfile).doesNotContain(":latest");
    }

    private static int indexOf(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }
}
