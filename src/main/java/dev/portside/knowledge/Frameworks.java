package dev.portside.knowledge;

import dev.portside.owner.Project;
import java.util.List;
import java.util.Optional;

/**
 * Web frameworks recognised from a project's dependencies, for the servers whose command line says
 * only {@code node app.js} or {@code python main.py}. Order matters: a framework built on another
 * comes first (NestJS uses Express, FastAPI uses Starlette).
 */
public final class Frameworks {

    /**
     * @param name what to call an app made with it, e.g. "Express app"
     * @param dependency the dependency that gives it away, in the manifest's spelling
     * @param manifests the manifests where that dependency means it
     */
    public record Framework(String name, String dependency, List<String> manifests) {
        boolean usedBy(Project p) {
            return manifests.contains(p.manifest()) && p.dependencies().contains(dependency);
        }
    }

    private static final List<String> NPM = List.of("package.json");
    private static final List<String> PYTHON = List.of("pyproject.toml", "requirements.txt");
    private static final List<String> JVM = List.of("pom.xml", "build.gradle", "build.gradle.kts");

    static final List<Framework> ALL = List.of(
            new Framework("NestJS app", "@nestjs/core", NPM),
            new Framework("Fastify app", "fastify", NPM),
            new Framework("Koa app", "koa", NPM),
            new Framework("hapi app", "@hapi/hapi", NPM),
            new Framework("Hono app", "hono", NPM),
            new Framework("Express app", "express", NPM),
            new Framework("FastAPI app", "fastapi", PYTHON),
            new Framework("Django app", "django", PYTHON),
            new Framework("Flask app", "flask", PYTHON),
            new Framework("Starlette app", "starlette", PYTHON),
            new Framework("aiohttp app", "aiohttp", PYTHON),
            new Framework("Tornado app", "tornado", PYTHON),
            new Framework("Sanic app", "sanic", PYTHON),
            new Framework("Bottle app", "bottle", PYTHON),
            new Framework("Spring Boot app", "plugin:org.springframework.boot", JVM),
            new Framework("Spring Boot app", "org.springframework.boot:spring-boot-starter-parent", JVM),
            new Framework("Spring Boot app", "org.springframework.boot:spring-boot-starter-web", JVM),
            new Framework("Spring Boot app", "org.springframework.boot:spring-boot-starter-webflux", JVM),
            new Framework("Quarkus app", "io.quarkus:quarkus-core", JVM),
            new Framework("Quarkus app", "plugin:io.quarkus", JVM),
            new Framework("Micronaut app", "io.micronaut:micronaut-http-server-netty", JVM),
            new Framework("Ktor app", "io.ktor:ktor-server-core", JVM),
            new Framework("Axum app", "axum", List.of("Cargo.toml")),
            new Framework("Actix Web app", "actix-web", List.of("Cargo.toml")),
            new Framework("Rocket app", "rocket", List.of("Cargo.toml")),
            new Framework("Warp app", "warp", List.of("Cargo.toml")),
            new Framework("Gin app", "github.com/gin-gonic/gin", List.of("go.mod")),
            new Framework("Echo app", "github.com/labstack/echo/v4", List.of("go.mod")),
            new Framework("Fiber app", "github.com/gofiber/fiber/v2", List.of("go.mod")),
            new Framework("Chi app", "github.com/go-chi/chi/v5", List.of("go.mod")),
            new Framework("Laravel app", "laravel/framework", List.of("composer.json")),
            new Framework("Symfony app", "symfony/framework-bundle", List.of("composer.json")),
            new Framework("Slim app", "slim/slim", List.of("composer.json")));

    private Frameworks() {
    }

    /** The framework a project is built with, if its dependencies say so. */
    public static Optional<Framework> of(Project project) {
        if (project == null) {
            return Optional.empty();
        }
        for (Framework f : ALL) { // no stream or lambda on a command's way (docs/PERFORMANCE.md, step 27)
            if (f.usedBy(project)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
