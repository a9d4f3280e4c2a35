package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portside.core.ProcessInfo;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevToolCatalogueTest {

    private static final DevToolCatalogue CATALOGUE = DevToolCatalogue.loadBundled();

    @Test
    void bundledCatalogueHasAtLeastSixtyCompleteEntries() {
        List<DevTool> tools = CATALOGUE.all();
        assertThat(tools).hasSizeGreaterThanOrEqualTo(60);
        Set<String> ids = new HashSet<>();
        for (DevTool t : tools) {
            assertThat(ids.add(t.id())).as("unique id %s", t.id()).isTrue();
            assertThat(t.name()).as(t.id()).isNotBlank();
            assertThat(t.description()).as(t.id()).isNotBlank().doesNotContain("\n");
            assertThat(t.process() != null || t.commandLine() != null).as(t.id()).isTrue();
            assertThat(t.ports()).as(t.id()).allSatisfy(p -> assertThat(p).isBetween(1, 65535));
            assertThat(t.ports()).as(t.id()).containsAll(t.tlsPorts());
        }
    }

    @ParameterizedTest(name = "port {0} is usually {1}")
    @CsvSource({
        "3000, Next.js dev server",
        "3000, Create React App dev server",
        "3000, Ruby on Rails server",
        "4200, Angular dev server",
        "5173, Vite dev server",
        "5432, PostgreSQL",
        "6379, Redis",
        "8000, Django dev server",
        "8000, Python http.server (static files)",
        "8080, Spring Boot application",
        "8888, Jupyter notebook server",
        "9200, Elasticsearch",
        "11434, Ollama",
        "27017, MongoDB",
    })
    void issueListsTheseUsualPorts(int port, String name) {
        assertThat(CATALOGUE.usuallyOn(port)).extracting(DevTool::name).contains(name);
    }

    @Test
    void genericEntriesComeAfterSpecificOnesForAPort() {
        List<DevTool> on8000 = CATALOGUE.usuallyOn(8000);
        assertThat(on8000.get(0).generic()).isFalse();
        assertThat(on8000.get(on8000.size() - 1).id()).isEqualTo("deno");
    }

    @Test
    void processNameMatchesWholeNameWithoutExe() {
        ProcessInfo windowsNode = new ProcessInfo(1, "node.exe", "C:\\Program Files\\nodejs\\node.exe", "node app.js",
                "me", null, 0);
        assertThat(CATALOGUE.recognise(windowsNode, 3000)).get().extracting(DevTool::id).isEqualTo("node");
        ProcessInfo nodemon = new ProcessInfo(1, "nodemon", "", "nodemon", "me", null, 0);
        assertThat(CATALOGUE.recognise(nodemon, 3000)).isEmpty();
    }

    @Test
    void aMissingFieldOrBrokenPatternIsNamedInTheError() {
        assertThatThrownBy(() -> DevToolCatalogue.parse(new StringReader("{\"tools\":[{\"id\":\"x\",\"name\":\"X\","
                + "\"process\":\"(unclosed\"}]}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool x");
        assertThatThrownBy(() -> DevToolCatalogue.parse(new StringReader("{\"tools\":[{\"id\":\"x\",\"name\":\"X\"}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> DevToolCatalogue.parse(new StringReader("not json")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevToolCatalogue.parse(new StringReader("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tools");
    }

    @Test
    void parsesAMinimalCatalogue() {
        DevToolCatalogue c = DevToolCatalogue.parse(new StringReader("{\"tools\":[{\"id\":\"a\",\"name\":\"A\","
                + "\"description\":\"d\",\"ports\":[1,443],\"commandLine\":\"--a\\\\b\",\"tlsPorts\":[443]}]}"));
        DevTool a = c.byId("a").orElseThrow();
        assertThat(a.matches(new ProcessInfo(1, "x", "", "x --a", "", null, 0))).isTrue();
        assertThat(a.matches(new ProcessInfo(1, "x", "", "x --ab", "", null, 0))).isFalse();
        assertThat(a.speaksTlsOn(443)).isTrue();
        assertThat(a.speaksTlsOn(1)).isFalse();
    }
    @Test
    void recogniseGivesTheAnswerOfItsDefinitionForEveryToolOnEveryPortOfTheCatalogue() {
        // The definition: among the matching tools (a tool only for its ports counts there only),
        // specific ones before generic ones, the first that usually listens on the port, else the first.
        Set<Integer> ports = new HashSet<>(List.of(1, 80, 443, 3000, 5173, 8080, 9229, 65000));
        CATALOGUE.all().forEach(t -> ports.addAll(t.ports()));
        List<ProcessInfo> processes = new java.util.ArrayList<>();
        for (DevTool t : CATALOGUE.all()) {
            String name = t.process() == null ? "node" : t.process().pattern().replaceAll("[^a-zA-Z0-9.-].*", "");
            processes.add(new ProcessInfo(1, name, "/usr/bin/" + name, name + " " + t.id() + " dev --port 3000", "me", null, 0));
        }
        processes.add(new ProcessInfo(1, "node", "/usr/bin/node", "node --inspect node_modules/.bin/vite", "me", null, 0));
        processes.add(new ProcessInfo(1, "python3", "/usr/bin/python3", "python3 -m http.server", "me", null, 0));
        processes.add(new ProcessInfo(1, "nothing-known", "", "", "me", null, 0));
        int recognised = 0;
        for (ProcessInfo p : processes) {
            for (int port : ports) {
                List<DevTool> matches = CATALOGUE.all().stream().filter(t -> t.matches(p))
                        .filter(t -> !t.onlyOnItsPorts() || t.usuallyOn(port))
                        .sorted(java.util.Comparator.comparing(DevTool::generic)).toList();
                java.util.Optional<DevTool> expected = matches.stream().filter(t -> t.usuallyOn(port)).findFirst()
                        .or(() -> matches.stream().findFirst());
                assertThat(CATALOGUE.recognise(p, port)).as("%s on %d", p.commandLine(), port).isEqualTo(expected);
                recognised += expected.isPresent() ? 1 : 0;
            }
        }
        assertThat(recognised).isGreaterThan(processes.size()); // the matrix holds real matches
    }

    @Test
    void usuallyOnListsSpecificToolsBeforeGenericOnesInCatalogueOrder() {
        Set<Integer> ports = new HashSet<>();
        CATALOGUE.all().forEach(t -> ports.addAll(t.ports()));
        for (int port : ports) {
            assertThat(CATALOGUE.usuallyOn(port)).isEqualTo(CATALOGUE.all().stream().filter(t -> t.usuallyOn(port))
                    .sorted(java.util.Comparator.comparing(DevTool::generic)).toList());
        }
    }
}
