package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each manifest kind, the walk upwards, and the runtime's own manifest winning in a shared folder. */
class ProjectFinderTest {

    @TempDir
    Path dir;

    private Project find(Path cwd, String process) {
        return ProjectFinder.find(cwd.toString(), process).orElseThrow();
    }

    @Test
    void packageJsonNameAndDependencies() throws Exception {
        Files.writeString(dir.resolve("package.json"), """
                {"name": "shop", "version": "1.0.0", "scripts": {"dev": "vite"},
                 "dependencies": {"express": "^4.19.2"}, "devDependencies": {"vite": "^5.2.0"}}
                """);
        Project p = find(dir, "node");
        assertThat(p.name()).isEqualTo("shop");
        assertThat(p.manifest()).isEqualTo("package.json");
        assertThat(p.folder()).isEqualTo(dir.toString());
        assertThat(p.dependencies()).containsExactly("express", "vite");
    }

    @Test
    void theNearestFolderAboveTheWorkingFolder() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"@acme/shop\"}");
        Path deep = Files.createDirectories(dir.resolve("src/server/routes"));
        assertThat(find(deep, "node").name()).isEqualTo("@acme/shop");
    }

    @Test
    void pyprojectPep621WithAMultiLineDependencyArray() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), """
                [build-system]
                requires = ["hatchling"]   # not a dependency of the app

                [project]
                name = "shop-api"
                version = "0.1.0"
                dependencies = [
                    "FastAPI>=0.110",  # the web framework
                    "uvicorn[standard]",
                    'SQLAlchemy_Utils ; python_version > "3.8"',
                ]
                """);
        Project p = find(dir, "python3");
        assertThat(p.name()).isEqualTo("shop-api");
        assertThat(p.dependencies()).containsExactly("fastapi", "uvicorn", "sqlalchemy-utils");
    }

    @Test
    void poetryAndRequirementsTxt() throws Exception {
        Files.writeString(dir.resolve("pyproject.toml"), """
                [tool.poetry]
                name = "blog"

                [tool.poetry.dependencies]
                python = "^3.11"
                Flask = "^3.0"
                """);
        Files.writeString(dir.resolve("requirements.txt"), "-r base.txt\ngunicorn==22.0  # prod\n\n");
        assertThat(find(dir, "python").dependencies()).containsExactly("flask", "gunicorn");
    }

    @Test
    void onlyARequirementsFileNamesTheProjectAfterItsFolder() throws Exception {
        Path app = Files.createDirectories(dir.resolve("dashboard"));
        Files.writeString(app.resolve("requirements.txt"), "flask\n");
        Project p = find(app, "python3");
        assertThat(p.name()).isEqualTo("dashboard");
        assertThat(p.dependencies()).containsExactly("flask");
    }

    @Test
    void cargoToml() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), """
                [package]
                name = "shop-rs"
                edition = "2021"

                [dependencies]
                axum = "0.7"
                tokio = { version = "1", features = ["full"] }

                [dependencies.serde]
                version = "1"
                """);
        Project p = find(dir, "shop-rs");
        assertThat(p.name()).isEqualTo("shop-rs");
        assertThat(p.dependencies()).containsExactly("axum", "tokio", "serde");
    }

    @Test
    void goModTakesTheModulesLastPartWithoutItsMajorVersion() throws Exception {
        Files.writeString(dir.resolve("go.mod"), """
                module github.com/acme/shop/v2

                go 1.22

                require (
                	github.com/gin-gonic/gin v1.9.1
                	golang.org/x/net v0.24.0 // indirect
                )
                require github.com/joho/godotenv v1.5.1
                """);
        Project p = find(dir, "shop");
        assertThat(p.name()).isEqualTo("shop");
        assertThat(p.dependencies()).containsExactly("github.com/gin-gonic/gin", "golang.org/x/net",
                "github.com/joho/godotenv");
    }

    @Test
    void composerJson() throws Exception {
        Files.writeString(dir.resolve("composer.json"), """
                {"name": "acme/shop", "require": {"php": "^8.2", "laravel/framework": "^11.0"}}
                """);
        Project p = find(dir, "php");
        assertThat(p.name()).isEqualTo("acme/shop");
        assertThat(p.dependencies()).contains("laravel/framework");
    }

    @Test
    void pomXmlTheProjectsArtifactNotItsParents() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.2.5</version>
                  </parent>
                  <groupId>com.acme</groupId>
                  <artifactId>shop-service</artifactId>
                  <dependencies>
                    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
                  </dependencies>
                </project>
                """);
        Project p = find(dir, "java");
        assertThat(p.name()).isEqualTo("shop-service");
        assertThat(p.dependencies()).contains("org.springframework.boot:spring-boot-starter-parent",
                "org.springframework.boot:spring-boot-starter-web");
    }

    @Test
    void aPomWithADoctypeIsNotReadAtAll() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <project><artifactId>&x;</artifactId></project>
                """);
        assertThat(ProjectFinder.find(dir.toString(), "java")).isEmpty();
    }

    @Test
    void gradleKtsNamedBySettingsAndGroovyNamedByItsFolder() throws Exception {
        Path kts = Files.createDirectories(dir.resolve("one"));
        Files.writeString(kts.resolve("settings.gradle.kts"), "rootProject.name = \"inventory\"\n");
        Files.writeString(kts.resolve("build.gradle.kts"), """
                plugins {
                    id("org.springframework.boot") version "3.2.5"
                    kotlin("jvm") version "1.9.23"
                }
                dependencies { implementation("io.ktor:ktor-server-core:2.3.10") }
                """);
        Project p = find(kts, "java");
        assertThat(p.name()).isEqualTo("inventory");
        assertThat(p.manifest()).isEqualTo("build.gradle.kts");
        assertThat(p.dependencies()).contains("plugin:org.springframework.boot", "io.ktor:ktor-server-core");

        Path groovy = Files.createDirectories(dir.resolve("billing"));
        Files.writeString(groovy.resolve("build.gradle"), "dependencies { implementation 'io.quarkus:quarkus-core:3.9.0' }\n");
        Project g = find(groovy, "java");
        assertThat(g.name()).isEqualTo("billing");
        assertThat(g.dependencies()).contains("io.quarkus:quarkus-core");
    }

    @Test
    void theProcessesOwnLanguageWinsInAFolderWithSeveralManifests() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"web\"}");
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"api\"\n");
        assertThat(find(dir, "python3.12").name()).isEqualTo("api");
        assertThat(find(dir, "node").name()).isEqualTo("web");
        assertThat(find(dir, "mystery").name()).isEqualTo("web"); // the first kind, for an unknown process
    }

    @Test
    void anUnchangedManifestIsReadOnceForEveryProcessInItsFolderAndAChangedOneAgain() throws Exception {
        Path pkg = dir.resolve("package.json");
        Files.writeString(pkg, "{\"name\": \"shop\"}");
        long before = ProjectFinder.manifestsRead();
        assertThat(find(dir, "node").name()).isEqualTo("shop");
        assertThat(find(dir, "nginx").name()).isEqualTo("shop"); // another process started in the same folder
        assertThat(find(Files.createDirectories(dir.resolve("src")), "node").name()).isEqualTo("shop");
        assertThat(ProjectFinder.manifestsRead() - before).isEqualTo(1);

        FileTime saved = Files.getLastModifiedTime(pkg);
        Files.writeString(pkg, "{\"name\": \"cart\"}"); // the same size, edited in place
        Files.setLastModifiedTime(pkg, FileTime.fromMillis(saved.toMillis() + 1000));
        assertThat(find(dir, "node").name()).isEqualTo("cart");
        assertThat(ProjectFinder.manifestsRead() - before).isEqualTo(2);

        Path other = dir.resolve("package.json.new"); // replaced by another file: same size and time, another inode
        Files.writeString(other, "{\"name\": \"cafe\"}");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(pkg));
        Files.move(other, pkg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(find(dir, "node").name()).isEqualTo("cafe");

        Files.writeString(pkg, "{ broken"); // a manifest that names nothing is remembered as such, and read again when it changes
        Files.setLastModifiedTime(pkg, FileTime.fromMillis(saved.toMillis() + 2000));
        assertThat(ProjectFinder.find(dir.toString(), "node")).isEmpty();
        assertThat(ProjectFinder.find(dir.toString(), "node")).isEmpty();
        assertThat(ProjectFinder.manifestsRead() - before).isEqualTo(4);
        Files.writeString(pkg, "{\"name\": \"fixed\"}");
        Files.setLastModifiedTime(pkg, FileTime.fromMillis(saved.toMillis() + 3000));
        assertThat(find(dir, "node").name()).isEqualTo("fixed");
    }

    @Test
    void brokenOrMissingManifestsAndTheRootFolderNameNothing() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{ this is not json");
        assertThat(ProjectFinder.find(dir.toString(), "node")).isEmpty();
        assertThat(ProjectFinder.find("/", "nginx")).isEmpty();
        assertThat(ProjectFinder.find("", "node")).isEmpty();
        assertThat(ProjectFinder.find(dir.resolve("gone").toString(), "node")).isEmpty();
    }
}
