package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A tool pattern answers as its regular expression does, for every pattern of the bundled
 * catalogue, on real command lines and on many made from the patterns' own pieces (their literals
 * in other cases, next to the separators the patterns look for, cut short, mixed up): the literals
 * only ever skip texts the expression would not match.
 */
class ToolPatternTest {

    private static final List<String> REAL = List.of(
            "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main -c config_file=/etc/postgresql/15/main/postgresql.conf",
            "node /tmp/demo/shop/node_modules/.bin/vite --port 5173",
            "node /home/me/app/node_modules/vite/bin/vite.js",
            "node app.js", "node --inspect-brk=9229 server.js", "NODE --INSPECT server.js",
            "/usr/bin/python3 -m http.server 8000", "python3 manage.py runserver 0.0.0.0:8000",
            "java -jar target/app.jar", "/usr/lib/jvm/java-17/bin/java -cp x org.springframework.boot.loader.JarLauncher",
            "/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80",
            "redis-server 127.0.0.1:6379", "nginx: master process /usr/sbin/nginx -g daemon on;",
            "php -S localhost:8000", "php-fpm: pool www", "ruby bin/rails server", "bundle exec puma -C config/puma.rb",
            "gunicorn app:app", "uvicorn main:app --reload", "/opt/homebrew/bin/ollama serve", "LM Studio", "lms server start",
            "next-server (v14.1.0)", "npx next dev", "webpack serve --mode development", "ng serve", "hugo server -D",
            "code --remote-debugging-port=9222", "/home/me/.vscode-server/bin/abc/node", "kubectl port-forward svc/web 8080:80",
            "", " ", "\n", "Ä ö ü ß İ K", "vite\nnext dev");

    private static final List<ToolPattern> ALL = new ArrayList<>();

    static {
        for (DevTool t : DevToolCatalogue.shared().all()) {
            if (t.process() != null) {
                ALL.add(t.process());
            }
            if (t.commandLine() != null) {
                ALL.add(t.commandLine());
            }
        }
    }

    private static boolean byRegex(ToolPattern p, String text, boolean whole) {
        Pattern regex = Pattern.compile(p.pattern(), Pattern.CASE_INSENSITIVE);
        return whole ? regex.matcher(text).matches() : regex.matcher(text).find();
    }

    private static boolean isWhole(ToolPattern p) {
        return DevToolCatalogue.shared().all().stream().anyMatch(t -> t.process() == p);
    }

    @Test
    void everyPatternOfTheCatalogueHasLiteralsOrSaysItHasNone() {
        int withLiterals = 0;
        for (ToolPattern p : ALL) {
            if (p.required().length > 0) {
                withLiterals++;
            }
        }
        // nearly all of them: otherwise the prefilter buys nothing
        assertThat(withLiterals).isGreaterThan(ALL.size() * 9 / 10);
    }

    @Test
    void answersAsTheRegularExpressionOnRealAndMadeUpTexts() {
        Random random = new Random(20261201);
        Set<String> pieces = new LinkedHashSet<>();
        for (ToolPattern p : ALL) {
            for (String r : p.required()) {
                pieces.add(r);
            }
        }
        List<String> parts = new ArrayList<>(pieces);
        String[] separators = {" ", "/", "\\", ".", "-", "=", "", ".js", ".mjs", " dev", " serve", " start", "\t", "\n"};
        List<String> texts = new ArrayList<>(REAL);
        for (int i = 0; i < 6000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                String piece = parts.get(random.nextInt(parts.size()));
                if (random.nextInt(3) == 0) {
                    piece = piece.toUpperCase(java.util.Locale.ROOT);
                }
                if (random.nextInt(5) == 0 && piece.length() > 1) {
                    piece = piece.substring(0, random.nextInt(piece.length())); // cut short
                }
                sb.append(separators[random.nextInt(separators.length)]).append(piece);
            }
            if (random.nextBoolean()) {
                sb.append(separators[random.nextInt(separators.length)]);
            }
            texts.add(random.nextInt(4) == 0 ? sb.toString().trim() : sb.toString());
        }
        texts.addAll(parts); // each literal alone: a whole-name pattern may be just it
        int matched = 0;
        for (ToolPattern p : ALL) {
            boolean whole = isWhole(p);
            for (String text : texts) {
                boolean expected = byRegex(p, text, whole);
                assertThat(p.test(text)).as("%s on \"%s\"", p.pattern(), text).isEqualTo(expected);
                if (expected) {
                    matched++;
                }
            }
        }
        assertThat(matched).as("the made-up texts match often enough to mean something").isGreaterThan(2000);
    }

    @Test
    void readsTheLiteralsOfThePlainSyntax() {
        assertThat(RequiredLiterals.of("(?:^|[\\s/\\\\])vite(?:\\.js|\\.mjs)?(?:\\s|$)|[/\\\\]vite[/\\\\]bin[/\\\\]"))
                .containsExactly("vite");
        assertThat(RequiredLiterals.of("--inspect(?:-brk)?(?:=|\\s|$)")).containsExactly("--inspect");
        assertThat(RequiredLiterals.of("postgres|postmaster")).containsExactly("postgres", "postmaster");
        assertThat(RequiredLiterals.of("lm[ -]?studio|lms\\s+server")).containsExactly("studio", "server");
        assertThat(RequiredLiterals.of("GradleDaemon")).containsExactly("gradledaemon");
        assertThat(RequiredLiterals.of("ab+c")).containsExactly("ab");
        assertThat(RequiredLiterals.of("a{2}bc")).containsExactly("bc");
        assertThat(RequiredLiterals.of("(?:x|y)zz")).containsExactly("zz");
        assertThat(RequiredLiterals.of("(?:xx|yy)z")).containsExactly("xx", "yy");
    }

    @Test
    void givesNoLiteralsWhereItCannotBeSure() {
        // an empty alternative, optional or class-only atoms, syntax it does not read, broken patterns:
        // no literals, so the pattern always runs
        for (String regex : List.of("(?:a|)", "a?", ".*", "[abc]+", "(?=abc)x", "(?i)abc", "\\Qabc\\E", "\\p{Alpha}x",
                "(a)\\1", "(?<n>abc)", "a{", "*a", "abc)", "(abc", "[abc", "\\", "a|", "|a")) {
            assertThat(RequiredLiterals.of(regex)).as(regex).isEmpty();
        }
    }

    @Test
    void comparesLettersAsCaseInsensitiveAsciiDoesAndNothingElse() {
        assertThat(RequiredLiterals.lower("Vite \u0130\u212A \u00C4")).isEqualTo("vite \u0130\u212A \u00C4");
        ToolPattern p = ToolPattern.find("ÄBc");
        assertThat(p.test("xäbcx")).isEqualTo(byRegex(p, "xäbcx", false));
        assertThat(p.test("xÄBCx")).isTrue();
        assertThat(p.test("xÄbcx")).isTrue();
    }

    @Test
    void compilesAPatternOnlyWhenATextGetsPastItsLiterals() throws Exception {
        ToolPattern p = ToolPattern.find("vite(?:\\.js)?");
        java.lang.reflect.Field compiled = ToolPattern.class.getDeclaredField("compiled");
        compiled.setAccessible(true);
        assertThat(p.test("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql")).isFalse();
        assertThat(compiled.get(p)).isNull();
        assertThat(p.test("node vite.js")).isTrue();
        assertThat(compiled.get(p)).isNotNull();
    }
}
