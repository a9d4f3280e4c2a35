package dev.portside.owner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project a process works on: the nearest folder, from its working folder upwards, that
 * holds a manifest ({@link Manifests#FILES}). Where a folder holds several, the one of the process's
 * own language wins (a Python server in a folder with package.json and pyproject.toml belongs to
 * pyproject.toml). Reads files: call it off the FX thread.
 */
public final class ProjectFinder {

    /** How many folders upwards to look (a server started in ~/code/shop/src/server finds ~/code/shop). */
    static final int MAX_LEVELS = 8;
    /** Manifests bigger than this are not read (a package.json is a few KB). */
    static final long MAX_SIZE = 1024 * 1024;

    /** The manifests that belong to a runtime, by the process name's start. */
    private static final List<String[]> RUNTIMES = List.of(
            new String[] {"node", "package.json"}, new String[] {"bun", "package.json"},
            new String[] {"deno", "package.json"}, new String[] {"python", "pyproject.toml"},
            new String[] {"uvicorn", "pyproject.toml"}, new String[] {"gunicorn", "pyproject.toml"},
            new String[] {"flask", "pyproject.toml"}, new String[] {"java", "pom.xml", "build.gradle.kts", "build.gradle"},
            new String[] {"php", "composer.json"}, new String[] {"cargo", "Cargo.toml"}, new String[] {"go", "go.mod"});

    private ProjectFinder() {
    }

    /**
     * The project of a process whose working folder is {@code workingDirectory}.
     *
     * @param processName the process's name ("node", "python3"), to prefer its language's manifest
     */
    public static Optional<Project> find(String workingDirectory, String processName) {
        if (workingDirectory == null || workingDirectory.isEmpty() || workingDirectory.equals("/")) {
            return Optional.empty(); // daemons run in "/": no project there
        }
        Path folder;
        try {
            folder = Path.of(workingDirectory);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        List<String> preferred = preferredFor(processName);
        Project nearest = null;
        for (int level = 0; level < MAX_LEVELS && folder != null && folder.getParent() != null; level++) {
            for (Project p : projectsIn(folder)) {
                if (preferred.isEmpty() || preferred.contains(p.manifest())) {
                    return Optional.of(p);
                }
                if (nearest == null) {
                    nearest = p;
                }
            }
            folder = folder.getParent();
        }
        return Optional.ofNullable(nearest);
    }

    private static List<String> preferredFor(String processName) {
        String name = processName == null ? "" : processName;
        for (String[] r : RUNTIMES) {
            if (name.startsWith(r[0])) {
                return List.of(r).subList(1, r.length);
            }
        }
        return List.of();
    }

    /** The projects whose manifests are in this folder, in {@link Manifests#FILES} order. */
    static List<Project> projectsIn(Path folder) {
        List<Project> found = new ArrayList<>();
        boolean gradleDone = false;
        for (String file : Manifests.FILES) {
            if (file.startsWith("build.gradle") && gradleDone) {
                continue;
            }
            Optional<String> text = read(folder.resolve(file));
            if (text.isEmpty()) {
                continue;
            }
            String settings = "";
            if (file.startsWith("build.gradle")) {
                gradleDone = true;
                settings = read(folder.resolve("settings.gradle.kts")).or(() -> read(folder.resolve("settings.gradle")))
                        .orElse("");
            }
            String folderName = folder.getFileName() == null ? "" : folder.getFileName().toString();
            Project p = Manifests.parse(file, text.get(), folder.toString(), folderName, settings);
            if (p == null) {
                continue;
            }
            if (file.equals("pyproject.toml")) {
                p = withRequirements(p, folder);
            }
            if (p.name().isEmpty()) {
                p = new Project(folderName, p.manifest(), p.folder(), p.dependencies());
            }
            found.add(p);
        }
        if (found.isEmpty()) {
            // A Python app with only requirements.txt: named after its folder.
            Optional<String> requirements = read(folder.resolve("requirements.txt"));
            if (requirements.isPresent() && folder.getFileName() != null) {
                found.add(new Project(folder.getFileName().toString(), "requirements.txt", folder.toString(),
                        Manifests.requirements(requirements.get())));
            }
        }
        return found;
    }

    private static Project withRequirements(Project p, Path folder) {
        Optional<String> requirements = read(folder.resolve("requirements.txt"));
        if (requirements.isEmpty()) {
            return p;
        }
        List<String> deps = new ArrayList<>(p.dependencies());
        Manifests.requirements(requirements.get()).stream().filter(d -> !deps.contains(d)).forEach(deps::add);
        return new Project(p.name(), p.manifest(), p.folder(), deps);
    }

    private static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SIZE) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable (another user's folder), or not UTF-8
        }
    }
}
