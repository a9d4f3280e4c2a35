package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnerInferenceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Knowledge KNOWLEDGE = new Knowledge(DevToolCatalogue.loadBundled(),
            ServiceRegistry.loadBundled(), Clock.fixed(NOW, ZoneOffset.UTC), "/home/ada");

    static Stream<Arguments> commandLines() {
        return Stream.of(
                // process name, command line, port, expected label
                Arguments.of("node", "node /home/ada/shop/node_modules/.bin/vite", 5173, "Vite dev server"),
                Arguments.of("node", "node /home/ada/shop/node_modules/vite/bin/vite.js --host", 5173, "Vite dev server"),
                Arguments.of("node", "node /home/ada/shop/node_modules/.bin/vite preview", 4173, "Vite dev server"),
                Arguments.of("node", "node /home/ada/blog/node_modules/.bin/next dev", 3000, "Next.js dev server"),
                Arguments.of("next-server (v14.2.3)", "next-server (v14.2.3)", 3000, "Next.js dev server"),
                Arguments.of("node", "node /home/ada/app/node_modules/react-scripts/scripts/start.js", 3000,
                        "Create React App dev server"),
                Arguments.of("node", "node /home/ada/site/node_modules/.bin/webpack serve --mode development", 8080,
                        "webpack dev server"),
                Arguments.of("node", "node /home/ada/site/node_modules/.bin/webpack-dev-server", 8080,
                        "webpack dev server"),
                Arguments.of("node", "node /home/ada/vue/node_modules/nuxi/bin/nuxi.mjs dev", 3000, "Nuxt dev server"),
                Arguments.of("node", "node /home/ada/ng/node_modules/.bin/ng serve", 4200, "Angular dev server"),
                Arguments.of("node", "node /usr/lib/node_modules/@angular/cli/bin/ng.js serve --port 4300", 4300,
                        "Angular dev server"),
                Arguments.of("node", "node --inspect=9229 server.js", 9229, "Node.js debugger"),
                Arguments.of("node", "node server.js", 3000, "Node.js program"),
                Arguments.of("node", "node --inspect server.js", 3000, "Node.js program"),
                Arguments.of("python3", "python3 -m http.server 8000", 8000, "Python http.server (static files)"),
                Arguments.of("python3.12", "/usr/bin/python3.12 -m http.server --bind 127.0.0.1", 8000,
                        "Python http.server (static files)"),
                Arguments.of("python", "python manage.py runserver 0.0.0.0:8000", 8000, "Django dev server"),
                Arguments.of("flask", "/home/ada/.venv/bin/python /home/ada/.venv/bin/flask run", 5000,
                        "Flask dev server"),
                Arguments.of("python3", "python3 -m flask run --debug", 5000, "Flask dev server"),
                Arguments.of("uvicorn", "/home/ada/.venv/bin/python3 /home/ada/.venv/bin/uvicorn main:app --reload",
                        8000, "Uvicorn (Python web server)"),
                Arguments.of("python3", "/usr/bin/python3 /home/ada/.local/bin/jupyter-lab", 8888,
                        "Jupyter notebook server"),
                Arguments.of("python3", "/usr/bin/python3 -m ipykernel_launcher -f /home/ada/.local/share/jupyter/"
                        + "runtime/kernel-1.json", 41821, "Jupyter kernel"),
                Arguments.of("python3", "python3 worker.py", 7000, "Python program"),
                Arguments.of("java", "/usr/lib/jvm/java-17/bin/java -jar target/shop-0.0.1-SNAPSHOT.jar "
                        + "--spring.profiles.active=dev -Dloader.path=BOOT-INF/lib", 8080, "Spring Boot application"),
                Arguments.of("java", "/usr/lib/jvm/java-21/bin/java -cp app.jar org.springframework.boot.loader.launch."
                        + "JarLauncher", 8080, "Spring Boot application"),
                Arguments.of("java", "/usr/lib/jvm/java-17/bin/java --add-opens java.base/java.util=ALL-UNNAMED "
                        + "-Xmx512m -cp /home/ada/.gradle/wrapper/dists/gradle-8.5/lib/gradle-launcher-8.5.jar "
                        + "org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.5", 40123, "Gradle daemon"),
                Arguments.of("java", "/usr/lib/jvm/java-17/bin/java -classpath /usr/share/maven/boot/plexus-classworlds"
                        + "-2.7.0.jar -Dclassworlds.conf=/usr/share/maven/bin/m2.conf org.codehaus.plexus.classworlds."
                        + "launcher.Launcher test", 5005, "Maven build"),
                Arguments.of("java", "java -cp lib/* org.apache.catalina.startup.Bootstrap start", 8080,
                        "Apache Tomcat"),
                Arguments.of("java", "/usr/share/elasticsearch/jdk/bin/java -Xms1g org.elasticsearch.bootstrap."
                        + "Elasticsearch", 9200, "Elasticsearch"),
                Arguments.of("java", "java -jar app.jar", 9999, "Java program"),
                Arguments.of("node", "/usr/share/kibana/bin/../node/bin/node /usr/share/kibana/bin/../src/cli/dist "
                        + "--elasticsearch.hosts=http://localhost:9200", 5601, "Kibana"),
                Arguments.of("ruby", "ruby bin/rails server -p 3000", 3000, "Ruby on Rails server"),
                Arguments.of("ruby", "puma 6.4.2 (tcp://localhost:3000) [shop]", 3000,
                        "Puma (Ruby web server, often Rails)"),
                Arguments.of("php", "php -S localhost:8000 -t public", 8000, "PHP built-in web server"),
                Arguments.of("php8.2", "php8.2 -S 127.0.0.1:8080", 8080, "PHP built-in web server"),
                Arguments.of("php", "php artisan serve", 8000, "Laravel dev server"),
                Arguments.of("postgres", "/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main", 5432,
                        "PostgreSQL"),
                Arguments.of("mysqld", "/usr/sbin/mysqld", 3306, "MySQL"),
                Arguments.of("redis-server", "/usr/bin/redis-server 127.0.0.1:6379", 6379, "Redis"),
                Arguments.of("mongod", "/usr/bin/mongod --config /etc/mongod.conf", 27017, "MongoDB"),
                Arguments.of("sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", 22, "OpenSSH server"),
                Arguments.of("systemd-resolve", "/lib/systemd/systemd-resolved", 53, "systemd-resolved (DNS cache)"),
                Arguments.of("cupsd", "/usr/sbin/cupsd -l", 631, "CUPS printing service"),
                Arguments.of("code", "/usr/share/code/code --type=utility --utility-sub-type=node.mojom.NodeService",
                        45721, "VS Code (or one of its helpers)"),
                Arguments.of("node", "/home/ada/.vscode-server/bin/abc123/node /home/ada/.vscode-server/bin/abc123/"
                        + "out/server-main.js --port=0", 37001, "VS Code server (remote development)"),
                Arguments.of("ollama", "/usr/local/bin/ollama serve", 11434, "Ollama"),
                Arguments.of("nginx", "nginx: master process /usr/sbin/nginx -g daemon off;", 80, "nginx"),
                Arguments.of("chrome", "/opt/google/chrome/chrome --remote-debugging-port=9222 --headless", 9222,
                        "Browser remote debugging"),
                Arguments.of("docker-proxy", "/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 "
                        + "-container-ip 172.17.0.2 -container-port 80", 8080,
                        "Docker port forward (container port 80)"));
    }

    @ParameterizedTest(name = "[{index}] {1} on {2} is {3}")
    @MethodSource("commandLines")
    void recognisesRealCommandLines(String name, String commandLine, int port, String label) {
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(port, process(4121, name, commandLine)));
        assertThat(owner.label()).isEqualTo(label);
        assertThat(owner.certainty()).isEqualTo(OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE);
        assertThat(owner.sentence()).contains("pid 4121");
    }

    @Test
    void sentenceNamesToolProcessPidAgeAndFolder() {
        ProcessInfo vite = new ProcessInfo(4121, "node", "/usr/bin/node", "node /home/ada/code/shop/node_modules/.bin/vite",
                "ada", NOW.minusSeconds(12 * 60 + 5), 1);
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(5173, vite), "/home/ada/code/shop");
        assertThat(owner.sentence())
                .isEqualTo("Vite dev server (node, pid 4121), started 12 minutes ago in ~/code/shop.");
    }

    @Test
    void theRootFolderIsNotWorthMentioning() {
        ProcessInfo sshd = new ProcessInfo(1, "sshd", "/usr/sbin/sshd", "sshd -D", "root", null, 0);
        assertThat(KNOWLEDGE.likelyOwner(socket(22, sshd), "/").sentence()).isEqualTo("OpenSSH server (sshd, pid 1).");
    }

    @Test
    void dockerProxyNamesHostAndContainerPort() {
        ProcessInfo proxy = process(900, "docker-proxy", "/usr/bin/docker-proxy -proto tcp -host-ip 127.0.0.1 "
                + "-host-port 15432 -container-ip 172.18.0.3 -container-port 5432");
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(15432, proxy));
        assertThat(owner.sentence()).contains("port 15432 of this computer").contains("port 5432")
                .contains("172.18.0.3");
        assertThat(owner.tool().id()).isEqualTo("docker-proxy");
    }

    @Test
    void unrecognisedOwnerOnAKnownPortIsAGuessThatSaysSo() {
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(5432, process(77, "pgbouncer-ish", "pgbouncer-ish -d")));
        assertThat(owner.certainty()).isEqualTo(OwnerCertainty.GUESSED_FROM_PORT);
        assertThat(owner.label()).isEqualTo("PostgreSQL");
        assertThat(owner.sentence()).startsWith("Port 5432 is usually PostgreSQL.").contains("only a guess");
    }

    @Test
    void hiddenOwnerStillGetsThePortGuess() {
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(6379, null));
        assertThat(owner.certainty()).isEqualTo(OwnerCertainty.GUESSED_FROM_PORT);
        assertThat(owner.label()).isEqualTo("Redis");
        assertThat(owner.sentence()).contains("cannot see the program");
    }

    @Test
    void ianaRegistryIsTheFallbackGuess() {
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(873, null));
        assertThat(owner.certainty()).isEqualTo(OwnerCertainty.GUESSED_FROM_PORT);
        assertThat(owner.sentence()).contains("IANA registers port 873 for rsync");
    }

    @Test
    void nothingKnownIsUnknown() {
        LikelyOwner hidden = KNOWLEDGE.likelyOwner(socket(49342, null));
        assertThat(hidden.certainty()).isEqualTo(OwnerCertainty.UNKNOWN);
        assertThat(hidden.label()).isEqualTo("Unknown program");
        LikelyOwner visible = KNOWLEDGE.likelyOwner(socket(49342, process(5, "mystery", "mystery --x")));
        assertThat(visible.certainty()).isEqualTo(OwnerCertainty.UNKNOWN);
        assertThat(visible.label()).isEqualTo("mystery");
        assertThat(visible.sentence()).contains("mystery (pid 5)").contains("does not recognise");
    }

    @Test
    void genericRuntimeOnAUsualPortAddsTheHint() {
        LikelyOwner owner = KNOWLEDGE.likelyOwner(socket(5173, process(9, "node", "node serve.mjs")));
        assertThat(owner.label()).isEqualTo("Node.js program");
        assertThat(owner.sentence()).contains("Port 5173 is usually Vite dev server.");
    }

    @Test
    void tlsFromCatalogueAndRegistry() {
        assertThat(KNOWLEDGE.speaksTls(socket(443, null))).isTrue();
        assertThat(KNOWLEDGE.speaksTls(socket(8443, null))).isTrue();
        assertThat(KNOWLEDGE.speaksTls(socket(6443, process(1, "kube-apiserver", "kube-apiserver")))).isTrue();
        assertThat(KNOWLEDGE.speaksTls(socket(5173, process(1, "node", "node node_modules/.bin/vite")))).isFalse();
        assertThat(KNOWLEDGE.speaksTls(socket(80, process(1, "nginx", "nginx")))).isFalse();
        assertThat(KNOWLEDGE.speaksTls(socket(443, process(1, "nginx", "nginx")))).isTrue();
        assertThat(KNOWLEDGE.speaksTls(socket(8080, null))).isFalse();
        assertThat(KNOWLEDGE.speaksTls(socket(3000, process(1, "node", "node server.js")))).isFalse();
    }

    @Test
    void dockerForwardParsesBothFlagStyles() {
        assertThat(DockerForward.parse("docker-proxy --host-port=80 --container-port=8080"))
                .contains(new DockerForward("", 80, "", 8080));
        assertThat(DockerForward.parse("docker-proxy -proto tcp")).isEmpty();
    }

    static ProcessInfo process(int pid, String name, String commandLine) {
        return new ProcessInfo(pid, name, "", commandLine, "ada", null, 1);
    }

    static ListeningSocket socket(int port, ProcessInfo owner) {
        IpAddress a = IpAddress.IPV4_LOOPBACK;
        return new ListeningSocket(Protocol.TCP, a.family(), a, port, owner == null ? List.of() : List.of(owner));
    }
}
