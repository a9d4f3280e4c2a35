package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import dev.portside.owner.Container;
import dev.portside.owner.EngineProblem;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import dev.portside.owner.PublishedPort;
import dev.portside.owner.ServiceUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The likely owner in words from owner facts: containers, services, projects, hidden sockets' users. */
class OwnerFactsWordsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Knowledge AS_USER = knowledge(false);
    private static final Knowledge AS_ROOT = knowledge(true);
    private static final Container SHOP_WEB = new Container("Docker", "3f2a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4",
            "shop-web", "nginx:1.27", "running", "Up 3 minutes", List.of(new PublishedPort("0.0.0.0", 8080, 80, "tcp")));

    private static Knowledge knowledge(boolean root) {
        return new Knowledge(DevToolCatalogue.loadBundled(), ServiceRegistry.loadBundled(),
                Clock.fixed(NOW, ZoneOffset.UTC), "/home/ada", root);
    }

    private static ProcessInfo process(int pid, String name, String commandLine) {
        return new ProcessInfo(pid, name, "/usr/bin/" + name, commandLine, "ada", NOW.minusSeconds(600), 1);
    }

    private static ListeningSocket socket(int port, SocketUser user, ProcessInfo... owners) {
        return new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(), IpAddress.IPV4_ANY, port,
                List.of(owners), user);
    }

    private static OwnerFacts facts(Container c, PublishedPort p, EngineProblem problem, ServiceUnit unit,
            Project project) {
        return new OwnerFacts(c, p, problem, unit, project, project == null ? "" : project.folder(), "");
    }

    @Test
    void aDockerProxyPortIsNamedByItsContainerAndImage() {
        ProcessInfo proxy = process(4242, "docker-proxy", "/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 "
                + "-host-port 8080 -container-ip 172.17.0.2 -container-port 80");
        LikelyOwner o = AS_USER.likelyOwner(socket(8080, new SocketUser(0, "root"), proxy),
                facts(SHOP_WEB, SHOP_WEB.ports().get(0), null, null, null));
        assertThat(o.label()).isEqualTo("Docker: shop-web");
        assertThat(o.certainty()).isEqualTo(OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE);
        assertThat(o.sentence()).contains("shop-web", "nginx:1.27", "running", "port 80", "port 8080",
                "docker-proxy (pid 4242) only forwards", "stop the container");
        assertThat(o.facts().container()).isSameAs(SHOP_WEB);
        assertThat(o.certaintyText()).isEqualTo("Recognised: the container engine names it");
    }

    @Test
    void withoutPermissionOnDockersSocketThePaneSaysWhyTheContainerIsNotNamed() {
        ProcessInfo proxy = process(4242, "docker-proxy", "docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 "
                + "-container-ip 172.17.0.2 -container-port 80");
        EngineProblem denied = new EngineProblem(EngineProblem.Kind.PERMISSION_DENIED, "/var/run/docker.sock",
                "Permission denied");
        LikelyOwner o = AS_USER.likelyOwner(socket(8080, new SocketUser(0, "root"), proxy),
                facts(null, null, denied, null, null));
        assertThat(o.label()).isEqualTo("Docker port forward (container port 80)");
        assertThat(o.sentence()).contains("/var/run/docker.sock", "Add yourself to the docker group");
        EngineProblem none = new EngineProblem(EngineProblem.Kind.NO_ENGINE, "/var/run/docker.sock", "");
        assertThat(AS_USER.likelyOwner(socket(8080, SocketUser.UNKNOWN, proxy), facts(null, null, none, null, null))
                .sentence()).contains("no Docker or Podman socket answers");
    }

    @Test
    void aHiddenSocketOnAPublishedPortIsTheContainer() {
        LikelyOwner o = AS_ROOT.likelyOwner(socket(8080, new SocketUser(0, "root")),
                facts(SHOP_WEB, SHOP_WEB.ports().get(0), null, null, null));
        assertThat(o.label()).isEqualTo("Docker: shop-web");
        assertThat(o.sentence()).startsWith("Portside cannot see the program, but the Docker container shop-web");
    }

    @Test
    void aSystemServiceIsNamedByItsUnitWithTheCommandThatStopsItForGood() {
        ProcessInfo nginx = process(812, "nginx", "nginx: master process /usr/sbin/nginx -g daemon on;");
        ServiceUnit unit = new ServiceUnit("nginx.service", false);
        LikelyOwner o = AS_USER.likelyOwner(socket(80, new SocketUser(0, "root"), nginx), facts(null, null, null, unit, null));
        assertThat(o.label()).isEqualTo("nginx.service");
        assertThat(o.certainty()).isEqualTo(OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE);
        assertThat(o.sentence()).contains("systemd service nginx.service", "sudo systemctl stop nginx stops it for good",
                "ending the process lets systemd start it again");
        assertThat(o.certaintyText()).isEqualTo("Recognised from its systemd service");
        assertThat(AS_ROOT.likelyOwner(socket(80, SocketUser.UNKNOWN, nginx), facts(null, null, null, unit, null))
                .sentence()).contains(": systemctl stop nginx stops").doesNotContain("sudo");
        ProcessInfo postgres = process(901, "postgres", "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main");
        assertThat(AS_USER.likelyOwner(socket(5432, SocketUser.UNKNOWN, postgres),
                facts(null, null, null, new ServiceUnit("postgresql@15-main.service", false), null)).label())
                .isEqualTo("postgresql@15-main.service");
        ProcessInfo vite = process(4121, "node", "node /home/ada/shop/node_modules/.bin/vite");
        assertThat(AS_USER.likelyOwner(socket(5173, SocketUser.UNKNOWN, vite),
                facts(null, null, null, new ServiceUnit("frontend.service", true), null)))
                .satisfies(v -> {
                    assertThat(v.label()).isEqualTo("Vite dev server (frontend.service)");
                    assertThat(v.sentence()).contains("your own systemd service", "systemctl --user stop frontend");
                });
    }

    @Test
    void aFrameworkFromTheProjectsDependenciesNamesAPlainNodeOrPythonCommand() {
        Project shop = new Project("shop", "package.json", "/home/ada/code/shop", List.of("express", "dotenv"));
        LikelyOwner express = AS_USER.likelyOwner(socket(3000, SocketUser.UNKNOWN, process(4121, "node", "node app.js")),
                facts(null, null, null, null, shop));
        assertThat(express.label()).isEqualTo("Express app (shop)");
        assertThat(express.certainty()).isEqualTo(OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE);
        assertThat(express.certaintyText()).isEqualTo("Recognised from its project's dependencies");
        assertThat(express.sentence()).contains("the project shop (package.json) depends on express",
                "started 10 minutes ago", "in ~/code/shop");
        Project nest = new Project("api", "package.json", "/srv/api", List.of("@nestjs/core", "express"));
        assertThat(AS_USER.likelyOwner(socket(3000, SocketUser.UNKNOWN, process(1, "node", "node dist/main.js")),
                facts(null, null, null, null, nest)).label()).isEqualTo("NestJS app (api)");
        Project fastapi = new Project("api", "pyproject.toml", "/srv/api", List.of("fastapi", "uvicorn"));
        assertThat(AS_USER.likelyOwner(socket(8000, SocketUser.UNKNOWN, process(2, "python3", "python3 main.py")),
                facts(null, null, null, null, fastapi)).label()).isEqualTo("FastAPI app (api)");
        assertThat(AS_USER.likelyOwner(socket(8000, SocketUser.UNKNOWN,
                process(3, "uvicorn", "/srv/api/.venv/bin/python3 /srv/api/.venv/bin/uvicorn main:app")),
                facts(null, null, null, null, fastapi)).label()).isEqualTo("FastAPI app (api)");
        Project flask = new Project("blog", "requirements.txt", "/srv/blog", List.of("flask"));
        assertThat(AS_USER.likelyOwner(socket(5000, SocketUser.UNKNOWN, process(4, "python", "python main.py")),
                facts(null, null, null, null, flask)).label()).isEqualTo("Flask app (blog)");
        Project spring = new Project("shop-service", "pom.xml", "/srv/shop",
                List.of("org.springframework.boot:spring-boot-starter-parent"));
        assertThat(AS_USER.likelyOwner(socket(8080, SocketUser.UNKNOWN, process(5, "java", "java -jar target/app.jar")),
                facts(null, null, null, null, spring)).label()).isEqualTo("Spring Boot app (shop-service)");
        Project gin = new Project("shop", "go.mod", "/srv/shop", List.of("github.com/gin-gonic/gin"));
        assertThat(AS_USER.likelyOwner(socket(8080, SocketUser.UNKNOWN, process(6, "shop", "./shop")),
                facts(null, null, null, null, gin)).label()).isEqualTo("Gin app (shop)");
    }

    @Test
    void aRecognisedDevServerCarriesItsProjectsName() {
        Project shop = new Project("shop", "package.json", "/home/ada/code/shop", List.of("vite", "express"));
        LikelyOwner o = AS_USER.likelyOwner(socket(5173, SocketUser.UNKNOWN,
                process(4121, "node", "node /home/ada/code/shop/node_modules/.bin/vite")), facts(null, null, null, null, shop));
        assertThat(o.label()).isEqualTo("Vite dev server \u2014 shop");
        assertThat(o.sentence()).contains("It works on the project shop (package.json in ~/code/shop).");
        // a program Portside does not know, in a project without a known framework
        Project tool = new Project("tools", "Cargo.toml", "/home/ada/tools", List.of("clap"));
        LikelyOwner unknown = AS_USER.likelyOwner(socket(47123, SocketUser.UNKNOWN, process(9, "relay", "./relay")),
                facts(null, null, null, null, tool));
        assertThat(unknown.label()).isEqualTo("relay \u2014 tools");
        assertThat(unknown.certainty()).isEqualTo(OwnerCertainty.UNKNOWN);
    }

    @Test
    void aHiddenOwnerIsGuessedFromThePortAndTheSocketsUser() {
        LikelyOwner onItsPort = AS_USER.likelyOwner(socket(5432, new SocketUser(113, "postgres")), OwnerFacts.NONE);
        assertThat(onItsPort.label()).isEqualTo("PostgreSQL");
        assertThat(onItsPort.certainty()).isEqualTo(OwnerCertainty.GUESSED_FROM_PORT);
        assertThat(onItsPort.sentence()).contains("Port 5432 is usually PostgreSQL", "user postgres");
        LikelyOwner elsewhere = AS_USER.likelyOwner(socket(5433, new SocketUser(113, "postgres")), OwnerFacts.NONE);
        assertThat(elsewhere.label()).isEqualTo("PostgreSQL"); // no usual owner of 5433, but the user says it
        assertThat(elsewhere.sentence()).contains("the account PostgreSQL runs as");
        assertThat(elsewhere.certaintyText()).isEqualTo("A guess from the socket's user");
        assertThat(onItsPort.certaintyText()).isEqualTo("A guess from the port number alone");
        LikelyOwner unknownUser = AS_USER.likelyOwner(socket(47123, new SocketUser(1001, "bob")), OwnerFacts.NONE);
        assertThat(unknownUser.sentence()).contains("user bob");
    }

    @Test
    void asRootAHiddenOwnerIsInAnotherNamespaceAndNoSudoIsAdvised() {
        LikelyOwner o = AS_ROOT.likelyOwner(socket(2024, new SocketUser(0, "root")), OwnerFacts.NONE);
        assertThat(o.sentence()).contains("another PID namespace").doesNotContain("sudo", "another user");
        assertThat(HiddenOwners.rowText(new SocketUser(0, "root"), true)).isEqualTo("hidden (user root, another namespace)");
        assertThat(HiddenOwners.tooltip(new SocketUser(0, "root"), true)).doesNotContain("sudo");
        assertThat(HiddenOwners.rowText(new SocketUser(113, "postgres"), false)).isEqualTo("hidden (user postgres)");
        assertThat(HiddenOwners.tooltip(new SocketUser(113, "postgres"), false)).contains("as postgres, or with sudo");
        assertThat(HiddenOwners.rowText(SocketUser.UNKNOWN, false)).isEqualTo("hidden (another user's process)");
    }

    @Test
    void theRegistryLineHasNoDanglingDashWhenIanaGivesNoDescription() {
        ListeningSocket xinu = socket(2024, SocketUser.UNKNOWN);
        assertThat(AS_USER.registryLine(xinu)).isEqualTo("IANA registry: xinuexpansion4");
        assertThat(AS_USER.registryLine(socket(5432, SocketUser.UNKNOWN))).isEqualTo("IANA registry: postgresql \u2014 PostgreSQL Database");
        assertThat(AS_USER.registryLine(socket(47123, SocketUser.UNKNOWN))).isEqualTo("IANA has no service registered for TCP port 47123.");
    }

    @Test
    void aProcessStartedTwoMinutesAgoIsNotJustNow() {
        ProcessInfo p = new ProcessInfo(4121, "node", "", "node server.js", "ada", NOW.minusSeconds(125), 1);
        assertThat(AS_USER.likelyOwner(socket(3000, SocketUser.UNKNOWN, p)).sentence()).contains("started 2 minutes ago");
        assertThat(Ages.ago(NOW.minusSeconds(125), NOW)).isEqualTo("2 minutes ago");
        assertThat(Ages.ago(NOW.minusSeconds(30), NOW)).isEqualTo("just now");
    }
}
