package dev.portside.owner;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The manifests whose project comes from that file alone (Gradle reads its settings, pyproject.toml requirements.txt). */
    private static final Set<String> ONE_FILE = Set.of("package.json", "composer.json", "pom.xml", "Cargo.toml", "go.mod");

    private static long manifestsRead;

    private ProjectFinder() {
    }

    /** How many manifests were read and parsed so far (tests check that an unchanged one is not read again). */
    static long manifestsRead() {
        synchronized (Parsed.class) {
            return manifestsRead;
        }
    }

    /**
     * The projects read from manifests before, by path, with the file's size, modification time and
     * inode when it was read: a manifest that has not changed is not read and parsed again. Servers
     * started in the same folder (an nginx and a Redis started from a project's folder, the
     * pre-forked workers of one server) share it, and {@code portside list} read and parsed a 25 KB
     * pom once per process (docs/PERFORMANCE.md, "Fourth round: the commands").
     */
    private static final class Parsed {
        /** What a manifest that names nothing is remembered as. */
        static final Project NOTHING = new Project("", "", "", List.of());
        private static final int MAX = 256;

        /**
         * When a file was read: its size, modification time and identity (a class, not a record: a
         * record's first {@code equals} in a JVM builds method handles, docs/PERFORMANCE.md, step 13).
         */
        static final class Version {
            final long size;
            final FileTime modified;
            final Object key;

            Version(long size, FileTime modified, Object key) {
                this.size = size;
                this.modified = modified;
                this.key = key;
            }

            boolean same(Version o) {
                return size == o.size && modified.equals(o.modified) && key != null && key.equals(o.key);
            }
        }

        private static final class Entry {
            final Version version;
            final Project project;

            Entry(Version version, Project project) {
                this.version = version;
                this.project = project;
            }
        }

        private static final Map<String, Entry> BY_PATH = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > MAX;
            }
        };

        /** The file's version now, or null when it cannot be told (then it is read every time). */
        static Version version(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.isRegularFile() ? new Version(a.size(), a.lastModifiedTime(), a.fileKey()) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The project this unchanged file names ({@link #NOTHING} for none), or null: read it. */
        static Project lookUp(Path file) {
            Entry e;
            synchronized (BY_PATH) {
                e = BY_PATH.get(file.toString());
            }
            if (e == null) {
                return null;
            }
            Version now = version(file);
            return now != null && now.same(e.version) ? e.project : null;
        }

        static void remember(Path file, Version version, Project project) {
            if (version == null || version.key == null) {
                return; // a file system that gives no identity: nothing tells a change of the same size and time
            }
            synchronized (BY_PATH) {
                BY_PATH.put(file.toString(), new Entry(version, project == null ? NOTHING : project));
            }
        }
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
            Path path = folder.resolve(file);
            if (!new File(path.toString()).isFile()) {
                continue; // the usual answer, without the exception Files.isRegularFile makes of it
            }
            if (ONE_FILE.contains(file)) {
                Project known = Parsed.lookUp(path);
                if (known != null) {
                    if (known != Parsed.NOTHING) {
                        found.add(known);
                    }
                    continue;
                }
            }
            Parsed.Version version = Parsed.version(path); // before reading: a change after it is read again next time
            Optional<String> text = read(path);
            if (text.isEmpty()) {
                continue;
            }
            synchronized (Parsed.class) {
                manifestsRead++;
            }
            String settings = "";
            if (file.startsWith("build.gradle")) {
                gradleDone = true;
                settings = read(folder.resolve("settings.gradle.kts")).or(() -> read(folder.resolve("settings.gradle")))
                        .orElse("");
            }
            String folderName = folder.getFileName() == null ? "" : folder.getFileName().toString();
            Project p = Manifests.parse(file, text.get(), folder.toString(), folderName, settings);
            if (p != null && file.equals("pyproject.toml")) {
                p = withRequirements(p, folder);
            }
            if (p != null && p.name().isEmpty()) {
                p = new Project(folderName, p.manifest(), p.folder(), p.dependencies());
            }
            if (ONE_FILE.contains(file)) {
                Parsed.remember(path, version, p);
            }
            if (p != null) {
                found.add(p);
            }
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
            if (!new File(file.toString()).isFile() || Files.size(file) > MAX_SIZE) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable (another user's folder), or not UTF-8
        }
    }
}
