package uk.nhs.ics.transition.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.nhs.ics.transition.app.support.Repository;

/**
 * The developers' conventions: a Maven wrapper that commits no jar, the README's commands through it, CI running the
 * README's test command, and a build that checks formatting but never rewrites a file.
 */
class BuildConventionsTest {

    @Test
    void the_maven_wrapper_is_the_script_only_kind_and_pins_a_maven_the_enforcer_accepts() throws IOException {
        Properties wrapper = new Properties();
        wrapper.load(new StringReader(Repository.read(".mvn/wrapper/maven-wrapper.properties")));

        assertThat(wrapper.getProperty("distributionType")).isEqualTo("only-script");
        assertThat(wrapper.getProperty("distributionUrl")).matches(".*/apache-maven-3\\.(8|9)\\.\\d+-bin\\.zip");
        assertThat(Files.isExecutable(Repository.file("mvnw"))).isTrue();
        assertThat(Repository.root().resolve(".mvn/wrapper/maven-wrapper.jar")).doesNotExist();
        assertThat(Repository.read("pom.xml")).contains("<requireMavenVersion>");
    }

    @Test
    void the_readme_builds_and_tests_with_the_wrapper_and_ci_runs_the_readmes_test_command() {
        String readme = Repository.read("README.md");
        String ci = Repository.read(".ci/run");
        Matcher test = Pattern.compile("## Test it.*?```sh\\n(.+?)\\n```", Pattern.DOTALL)
                .matcher(readme);

        assertThat(test.find()).isTrue();
        String command = test.group(1).strip();
        assertThat(command).startsWith("./mvnw ").endsWith(" verify");
        assertThat(readme).contains("./mvnw -B -DskipTests package && ICS_DEMO=2021-22 java -jar");
        assertThat(readme).doesNotContainPattern("(?m)^mvn ");
        // CI: the same command, quieter about downloads
        assertThat(ci)
                .containsPattern(
                        "(?m)^exec " + Pattern.quote(command).replace(" ", "\\E (--no-transfer-progress )?\\Q") + "$");
    }

    @Test
    void the_build_checks_formatting_and_never_applies_it() throws Exception {
        var pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Repository.file("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        List<String> goals = new java.util.ArrayList<>();
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals("spotless-maven-plugin")) {
                NodeList pluginGoals = plugin.getElementsByTagName("goal");
                for (int g = 0; g < pluginGoals.getLength(); g++) {
                    goals.add(pluginGoals.item(g).getTextContent().strip());
                }
            }
        }

        assertThat(goals).containsExactly("check");
        assertThat(Repository.read("pom.xml")).doesNotContain("spotless.goal");
        assertThat(Repository.read("README.md")).contains("./mvnw spotless:apply");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
