package dev.portside.owner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a project's name and dependencies from the text of its manifest, one small parser per
 * kind. Each reads only what it needs (a TOML or Gradle file is not parsed in full) and returns
 * null for a file it cannot make sense of.
 */
final class Manifests {

    /** The manifests we know, in the order they are tried in one folder. */
    static final List<String> FILES = List.of("package.json", "pyproject.toml", "Cargo.toml", "go.mod",
            "composer.json", "pom.xml", "build.gradle.kts", "build.gradle");

    /**
     * The patterns of the TOML, requirements and Gradle readers, compiled when one of those files is
     * first read: not on the way to every command's answer (docs/PERFORMANCE.md, step 29).
     */
    private static final class Re {
        static final Pattern TOML_TABLE = Pattern.compile("^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?\\s*(?:#.*)?$");
        static final Pattern TOML_KEY = Pattern.compile("^\\s*([A-Za-z0-9_.\"'-]+)\\s*=\\s*(.*)$");
        static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");
        static final Pattern PY_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
        static final Pattern GRADLE_DEP = Pattern.compile("[\"']([\\w.\\-]+):([\\w.\\-]+)(?::[^\"']*)?[\"']");
        static final Pattern GRADLE_PLUGIN = Pattern.compile("\\bid\\s*\\(?\\s*[\"']([\\w.\\-]+)[\"']");
        static final Pattern GRADLE_ROOT_NAME = Pattern.compile("rootProject\\.name\\s*=\\s*[\"']([^\"']+)[\"']");
    }

    private Manifests() {
    }

    /**
     * @param file the manifest's file name (one of {@link #FILES})
     * @param text its text
     * @param folderName the folder's name (Gradle projects without a settings file are named after it)
     * @param settingsGradle the text of settings.gradle(.kts) next to a Gradle build, or ""
     */
    static Project parse(String file, String text, String folder, String folderName, String settingsGradle) {
        try {
            return switch (file) {
                case "package.json", "composer.json" -> json(file, text, folder);
                case "pyproject.toml" -> pyproject(text, folder);
                case "Cargo.toml" -> cargo(text, folder);
                case "go.mod" -> goMod(text, folder);
                case "pom.xml" -> pom(text, folder);
                case "build.gradle", "build.gradle.kts" -> gradle(file, text, folder, folderName, settingsGradle);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null; // a broken manifest names nothing
        }
    }

    /** package.json (npm) and composer.json (PHP): "name", and the keys of the dependency objects. */
    private static Project json(String file, String text, String folder) {
        // not JSON: Gson's JsonParseException, a RuntimeException, is the caller's "names nothing"
        // (no catch of it here: that would load Gson's classes whenever this class is, even for a
        // command whose owner has no package.json; docs/PERFORMANCE.md)
        JsonElement root = JsonTree.parse(text);
        if (!root.isJsonObject()) {
            return null;
        }
        JsonObject o = root.getAsJsonObject();
        String name = o.has("name") && o.get("name").isJsonPrimitive() ? o.get("name").getAsString() : "";
        Set<String> deps = new LinkedHashSet<>();
        List<String> sections = file.equals("package.json") ? List.of("dependencies", "devDependencies")
                : List.of("require", "require-dev");
        for (String section : sections) {
            if (o.has(section) && o.get(section).isJsonObject()) {
                deps.addAll(o.getAsJsonObject(section).keySet());
            }
        }
        return new Project(name, file, folder, new ArrayList<>(deps));
    }

    /**
     * pyproject.toml: [project] name and dependencies (PEP 621), or [tool.poetry] name and the keys
     * of [tool.poetry.dependencies]. Names are lower-cased with "_" as "-" (PEP 503).
     */
    private static Project pyproject(String text, String folder) {
        String table = "";
        String name = "";
        Set<String> deps = new LinkedHashSet<>();
        boolean inDependencyArray = false;
        for (String raw : text.split("\n")) {
            String line = stripComment(raw);
            if (inDependencyArray) {
                collectQuoted(line, deps);
                if (Re.QUOTED.matcher(line).replaceAll("").contains("]")) { // "uvicorn[standard]" does not end it
                    inDependencyArray = false;
                }
                continue;
            }
            Matcher t = Re.TOML_TABLE.matcher(line);
            if (t.matches()) {
                table = t.group(1).replace("\"", "").strip();
                continue;
            }
            Matcher kv = Re.TOML_KEY.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).replace("\"", "").replace("'", "");
            String value = kv.group(2);
            if ((table.equals("project") || table.equals("tool.poetry")) && key.equals("name") && name.isEmpty()) {
                name = firstQuoted(value);
            } else if (table.equals("project") && key.equals("dependencies")) {
                collectQuoted(value, deps);
                String bare = Re.QUOTED.matcher(value).replaceAll("");
                inDependencyArray = bare.contains("[") && !bare.contains("]");
            } else if (table.equals("tool.poetry.dependencies") || table.equals("tool.poetry.dev-dependencies")
                    || table.startsWith("tool.poetry.group.") && table.endsWith(".dependencies")) {
                if (!key.equalsIgnoreCase("python")) {
                    deps.add(pythonName(key));
                }
            }
        }
        List<String> names = deps.stream().map(Manifests::pythonName).filter(s -> !s.isEmpty()).distinct().toList();
        return new Project(name, "pyproject.toml", folder, names);
    }

    /** requirements.txt: one requirement per line. */
    static List<String> requirements(String text) {
        List<String> deps = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = stripComment(raw).strip();
            if (line.isEmpty() || line.startsWith("-")) {
                continue; // -r other.txt, -e ., --index-url
            }
            String n = pythonName(line);
            if (!n.isEmpty()) {
                deps.add(n);
            }
        }
        return deps;
    }

    private static String pythonName(String requirement) {
        Matcher m = Re.PY_NAME.matcher(requirement);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT).replace('_', '-') : "";
    }

    /** Cargo.toml: [package] name and the keys of [dependencies] (and of [dependencies.NAME] tables). */
    private static Project cargo(String text, String folder) {
        String table = "";
        String name = "";
        Set<String> deps = new LinkedHashSet<>();
        for (String raw : text.split("\n")) {
            String line = stripComment(raw);
            Matcher t = Re.TOML_TABLE.matcher(line);
            if (t.matches()) {
                table = t.group(1).strip();
                if (table.startsWith("dependencies.")) {
                    deps.add(table.substring("dependencies.".length()));
                }
                continue;
            }
            Matcher kv = Re.TOML_KEY.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).replace("\"", "");
            if (table.equals("package") && key.equals("name") && name.isEmpty()) {
                name = firstQuoted(kv.group(2));
            } else if (table.equals("dependencies") || table.equals("dev-dependencies")) {
                deps.add(key);
            }
        }
        return new Project(name, "Cargo.toml", folder, new ArrayList<>(deps));
    }

    /** go.mod: the module path's last part ("shop" for github.com/acme/shop/v2) and the required modules. */
    private static Project goMod(String text, String folder) {
        String module = "";
        Set<String> deps = new LinkedHashSet<>();
        boolean inRequire = false;
        for (String raw : text.split("\n")) {
            String line = raw.replaceFirst("//.*$", "").strip();
            if (line.startsWith("module ")) {
                module = line.substring(7).strip().replace("\"", "");
            } else if (line.startsWith("require (")) {
                inRequire = true;
            } else if (inRequire && line.startsWith(")")) {
                inRequire = false;
            } else if (inRequire && !line.isEmpty()) {
                deps.add(line.split("\\s+")[0]);
            } else if (line.startsWith("require ")) {
                deps.add(line.substring(8).strip().split("\\s+")[0]);
            }
        }
        if (module.isEmpty()) {
            return null;
        }
        String[] parts = module.split("/");
        String name = parts[parts.length - 1];
        if (parts.length > 1 && name.matches("v\\d+")) {
            name = parts[parts.length - 2];
        }
        return new Project(name, "go.mod", folder, new ArrayList<>(deps));
    }

    /** pom.xml: the project's artifactId, its parent's and dependencies' groupId:artifactId. No DTDs, no entities. */
    private static Project pom(String text, String folder) {
        return pom(text, folder, false);
    }

    /**
     * pom.xml: its artifactId, the parent's and each dependency's and build plugin's group:artifact.
     * Read with {@link PomReader} when it reads the file (an ordinary pom), else with the JDK's
     * parser ({@code jdkOnly}: always, for the test that compares both).
     */
    static Project pom(String text, String folder, boolean jdkOnly) {
        PomReader.Node project = jdkOnly ? null : PomReader.read(text);
        if (project == null) {
            project = JdkXml.read(text);
            if (project == null) {
                return null;
            }
        }
        if (!project.tag().equals("project")) {
            return null;
        }
        String name = childText(project, "artifactId");
        Set<String> deps = new LinkedHashSet<>();
        PomReader.Node parent = project.child("parent");
        if (parent != null) {
            deps.add(childText(parent, "groupId") + ":" + childText(parent, "artifactId"));
        }
        for (String section : List.of("dependencies", "dependencyManagement")) {
            PomReader.Node s = project.child(section);
            if (s != null && section.equals("dependencyManagement")) {
                s = s.child("dependencies");
            }
            if (s == null) {
                continue;
            }
            for (PomReader.Node d : s.elements()) {
                if (d.tag().equals("dependency")) {
                    deps.add(childText(d, "groupId") + ":" + childText(d, "artifactId"));
                }
            }
        }
        PomReader.Node build = project.child("build");
        PomReader.Node plugins = build == null ? null : build.child("plugins");
        if (plugins != null) {
            for (PomReader.Node p : plugins.elements()) {
                if (p.tag().equals("plugin")) {
                    deps.add("plugin:" + childText(p, "groupId") + ":" + childText(p, "artifactId"));
                }
            }
        }
        return new Project(name, "pom.xml", folder, new ArrayList<>(deps));
    }

    private static String childText(PomReader.Node parent, String tag) {
        PomReader.Node e = parent.child(tag);
        return e == null ? "" : e.text().strip();
    }

    /** The JDK's XML parser (no DOCTYPE, no external entities), its elements read as {@link PomReader}'s. */
    private static final class JdkXml implements PomReader.Node {
        private final Element element;

        private JdkXml(Element element) {
            this.element = element;
        }

        static PomReader.Node read(String text) {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setExpandEntityReferences(false);
                f.setNamespaceAware(false);
                DocumentBuilder b = f.newDocumentBuilder();
                b.setErrorHandler(null);
                return new JdkXml(b.parse(new InputSource(new StringReader(text))).getDocumentElement());
            } catch (ParserConfigurationException | SAXException | IOException e) {
                return null;
            }
        }

        @Override
        public String tag() {
            return element.getTagName();
        }

        @Override
        public PomReader.Node child(String tag) {
            for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && e.getTagName().equals(tag)) {
                    return new JdkXml(e);
                }
            }
            return null;
        }

        @Override
        public List<JdkXml> elements() {
            List<JdkXml> list = new ArrayList<>();
            for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    list.add(new JdkXml(e));
                }
            }
            return list;
        }

        @Override
        public String text() {
            return element.getTextContent();
        }
    }

    /** build.gradle(.kts): the name from settings.gradle(.kts) or the folder; "group:artifact" strings and plugin ids. */
    private static Project gradle(String file, String text, String folder, String folderName, String settings) {
        String name = folderName;
        Matcher n = Re.GRADLE_ROOT_NAME.matcher(settings);
        if (n.find()) {
            name = n.group(1);
        }
        Set<String> deps = new LinkedHashSet<>();
        Matcher d = Re.GRADLE_DEP.matcher(text);
        while (d.find()) {
            deps.add(d.group(1) + ":" + d.group(2));
        }
        Matcher p = Re.GRADLE_PLUGIN.matcher(text);
        while (p.find()) {
            deps.add("plugin:" + p.group(1));
        }
        return new Project(name, file, folder, new ArrayList<>(deps));
    }


    /** A TOML line without its comment (a "#" outside quotes). */
    private static String stripComment(String line) {
        boolean inDouble = false;
        boolean inSingle = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && !inSingle && (i == 0 || line.charAt(i - 1) != '\\')) {
                inDouble = !inDouble;
            } else if (c == '\'' && !inDouble) {
                inSingle = !inSingle;
            } else if (c == '#' && !inDouble && !inSingle) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String firstQuoted(String value) {
        Matcher m = Re.QUOTED.matcher(value);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "";
    }

    private static void collectQuoted(String value, Set<String> into) {
        Matcher m = Re.QUOTED.matcher(value);
        while (m.find()) {
            into.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
    }
}
