package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PomReader} reads a pom as the JDK's XML parser does, or gives it to that parser: every
 * pom below, ordinary, unusual or broken, names the same project (or none) both ways.
 */
class PomReaderTest {

    private static final String ORDINARY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment before the root -->
            <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>3.2.5</version>
                <relativePath/>
              </parent>
              <groupId>com.acme</groupId>
              <artifactId> shop-<!-- split -->service </artifactId>
              <dependencies>
                <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
                <dependency>
                  <groupId>org.postgresql</groupId>
                  <artifactId>postgresql</artifactId>
                  <scope>runtime</scope>
                </dependency>
              </dependencies>
              <dependencyManagement><dependencies><dependency><groupId>g</groupId><artifactId>managed</artifactId></dependency></dependencies></dependencyManagement>
              <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId></plugin></plugins></build>
            </project>
            """;

    @Test
    void ordinaryPomsAreReadWithoutTheJdksParserAndNameWhatItNames() throws Exception {
        List<String> ordinary = new ArrayList<>(List.of(ORDINARY, ORDINARY.replace("\n", "\r\n"),
                ORDINARY.substring(ORDINARY.indexOf("<project")), // no declaration
                "<project><artifactId>tiny</artifactId></project>",
                "<?xml version='1.0' standalone='yes'?><project a='1' b=\"2 > 1\"><artifactId>x</artifactId></project>\n",
                "<project><artifactId>caf\u00e9 > bar ]] ok</artifactId><x/><y></y></project>",
                "<project a=\"tab\there\" b='\u00e9\u4e2d'><!-- caf\u00e9 \u4e2d --><artifactId>\u4e2d\ufffd</artifactId></project>"));
        ordinary.add(Files.readString(Path.of("pom.xml"))); // Portside's own
        for (String pom : ordinary) {
            assertThat(PomReader.read(pom)).as(pom).isNotNull();
            assertThat(Manifests.pom(pom, "/p", false)).as(pom).isEqualTo(Manifests.pom(pom, "/p", true)).isNotNull();
        }
        assertThat(Manifests.pom(ORDINARY, "/p", false).name()).isEqualTo("shop-service");
        assertThat(Manifests.pom(ORDINARY, "/p", false).dependencies()).containsExactly(
                "org.springframework.boot:spring-boot-starter-parent", "org.springframework.boot:spring-boot-starter-web",
                "org.postgresql:postgresql", "g:managed", "plugin:org.apache.maven.plugins:maven-jar-plugin");
    }

    @Test
    void unusualAndBrokenPomsGoToTheJdksParserWhichDecidesAsBefore() {
        String body = "<artifactId>a</artifactId></project>";
        List<String> unusual = List.of(
                "<project>" + "<artifactId>a &amp; b</artifactId></project>", // an entity
                "<project><artifactId><![CDATA[cdata]]></artifactId></project>",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x \"y\">]>\n<project><artifactId>&x;</artifactId></project>",
                "<project><?pi data?>" + body,
                " <?xml version=\"1.0\"?><project>" + body, // a declaration not at the start
                "<?xml version=\"1.1\"?><project>" + body,
                "\uFEFF<project>" + body,
                "<project><artifactId>a</artifactid></project>", // closes another element
                "<project>" + "<artifactId>a</artifactId>", // never closed
                "<project>" + body + "<project/>", // two roots
                "<project>" + body + "text after", // text after the root
                "text before<project>" + body,
                "<project><artifactId>a ]]> b</artifactId></project>",
                "<project><!-- a -- b --><artifactId>a</artifactId></project>",
                "<project><!-- a ---><artifactId>a</artifactId></project>",
                "<project a=\"1\" a=\"2\">" + body, // an attribute twice
                "<project a=1>" + body,
                "<project a=\"<\">" + body,
                "<project a=\"1\"b=\"2\">" + body,
                "<project><artifactId>a\u0001b</artifactId></project>", // a control character
                "<project><artifactId>\ud83d\ude00</artifactId></project>", // a character outside the BMP
                "<project><!-- a \u0002 comment --><artifactId>a</artifactId></project>", // control characters elsewhere
                "<project a=\"x\u0007y\">" + body,
                "<project>\u000b<artifactId>a</artifactId></project>",
                "<project><artifactId>a</artifactId>\u0000</project>",
                "<project><artifactId>a\ufffeb</artifactId></project>", // U+FFFE, U+FFFF, a lone surrogate
                "<project><artifactId>a</artifactId><!-- \uffff --></project>",
                "<project a=\"\udc00\">" + body,
                "<project><artifactId>a</artifactId></project>\u0001",
                "<project><artifactId>a</artifactIdx></project>", // closes a longer name
                "<project><artifactId>a</artifactI></project>",
                "<project><artifactId>a</artifactId\u00e9></project>",
                "<proj\u00e9ct>" + "<artifactId>a</artifactId></proj\u00e9ct>",
                "<project><1a/>" + body,
                "<project></ project>",
                "",
                "not xml at all",
                "<project/>",
                "<other><artifactId>a</artifactId></other>");
        int read = 0;
        for (String pom : unusual) {
            assertThat(Manifests.pom(pom, "/p", false)).as(pom).isEqualTo(Manifests.pom(pom, "/p", true));
            read += PomReader.read(pom) != null ? 1 : 0;
        }
        assertThat(read).isEqualTo(2); // only <project/> and <other>…</other> are in the part read without the JDK
        assertThat(Manifests.pom("<project><artifactId>a &amp; b</artifactId></project>", "/p", false).name())
                .isEqualTo("a & b");
    }

    @Test
    void everyXmlDeclarationIsReadAsTheJdksParserReadsIt() {
        String body = "<project><artifactId>a</artifactId></project>";
        List<String> declarations = List.of("<?xml version=\"1.0\"?>", "<?xml version='1.0'?>",
                "<?xml version = \"1.0\" ?>", "<?xml\tversion=\"1.0\"\r\n?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding='utf-8' standalone=\"no\"?>", "<?xml version='1.0' standalone = 'yes' ?>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\" encoding=\"x.y_z-1\"?>",
                // and what it must not take
                "<?xml version=\"1.0'?>", "<?xml version=\"1.0\"encoding=\"UTF-8\"?>", "<?xmlversion=\"1.0\"?>",
                "<?xml version=\"1.1\"?>", "<?xml version=\"1.0\" encoding=\"8bit\"?>", "<?xml version=\"1.0\" encoding=\"\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8'?>", "<?xml version=\"1.0\" standalone=\"maybe\"?>",
                "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=UTF-8?>",
                "<?xml version=\"1.0\" foo=\"bar\"?>", "<?xml version=\"1.0\"", "<?xml encoding=\"UTF-8\"?>", "<?xml ?>",
                "<?xml version=\"1.0\" ? >", "<?xml version=\"1.0\" encoding =\"UTF-8\" standalone= 'no'?>");
        int read = 0;
        for (String declaration : declarations) {
            for (String pom : List.of(declaration + body, declaration + "\n" + body)) {
                assertThat(Manifests.pom(pom, "/p", false)).as(pom).isEqualTo(Manifests.pom(pom, "/p", true));
                read += PomReader.read(pom) != null ? 1 : 0;
            }
        }
        assertThat(read).isEqualTo(2 * 9 + 2); // the first nine, and the last one
    }

    @Test
    void textAroundCommentsAndElementsWithEveryKindOfLineEnd() {
        for (String end : List.of("\n", "\r\n", "\r", "\n\r")) {
            String pom = "<project>" + end + "  <artifactId>" + end + "a" + end + "<!-- c -->b" + end + "</artifactId>" + end
                    + "<parent><groupId>g" + end + "</groupId><artifactId>p</artifactId></parent>" + end + "</project>" + end;
            assertThat(PomReader.read(pom)).as(pom).isNotNull();
            assertThat(Manifests.pom(pom, "/p", false)).as(pom).isEqualTo(Manifests.pom(pom, "/p", true));
            // the raw text, before Manifests strips it: line ends as the XML parser reads them
            String expected = end.equals("\n\r") ? "\n\na\n\nb\n\n" : "\na\nb\n";
            assertThat(PomReader.read(pom).child("artifactId").text()).as(pom).isEqualTo(expected);
        }
    }

    @Test
    void aDeepFileIsLeftToTheJdksParser() {
        String deep = "<project>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "<artifactId>deep</artifactId></project>";
        assertThat(PomReader.read(deep)).isNull();
        assertThat(Manifests.pom(deep, "/p", false).name()).isEqualTo("deep");
    }
}
