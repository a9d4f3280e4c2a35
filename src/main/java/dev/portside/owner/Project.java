package dev.portside.owner;

import java.util.List;
import java.util.Objects;

/**
 * The project a process works on: the manifest in its working folder or the nearest folder above.
 *
 * @param name the project's name from the manifest, e.g. "shop"
 * @param manifest the manifest's file name, e.g. "package.json"
 * @param folder the folder that holds the manifest
 * @param dependencies what it depends on, in the ecosystem's own spelling ("express", "flask",
 *     "org.springframework.boot:spring-boot-starter-web", "github.com/gin-gonic/gin"); Gradle and
 *     Maven plugins as "plugin:ID"
 */
public record Project(String name, String manifest, String folder, List<String> dependencies) {

    public Project {
        name = Objects.requireNonNullElse(name, "");
        manifest = Objects.requireNonNullElse(manifest, "");
        folder = Objects.requireNonNullElse(folder, "");
        dependencies = List.copyOf(dependencies);
    }

    public boolean dependsOn(String dependency) {
        return dependencies.contains(dependency);
    }
}
