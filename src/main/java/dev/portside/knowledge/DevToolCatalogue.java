package dev.portside.knowledge;

import dev.portside.core.BundledFiles;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.portside.core.ProcessInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The curated catalogue of developer tools and their usual ports, read from {@code dev-tools.json}
 * next to this class. To add a tool, add an entry to that file; order matters (first match wins).
 */
public final class DevToolCatalogue {

    static final String RESOURCE = "dev-tools.json";

    private final List<DevTool> tools;
    /** Service accounts and the tool that runs as each ("postgres" → PostgreSQL). */
    private final Map<String, String> serviceUsers;

    public DevToolCatalogue(List<DevTool> tools) {
        this(tools, Map.of());
    }

    public DevToolCatalogue(List<DevTool> tools, Map<String, String> serviceUsers) {
        this.tools = List.copyOf(tools);
        this.serviceUsers = Map.copyOf(serviceUsers);
    }

    /**
     * Parses a catalogue in the {@code dev-tools.json} format.
     *
     * @throws IllegalArgumentException naming the entry when the file or one of its patterns is wrong
     */
    public static DevToolCatalogue parse(Reader json) {
        return of(read(json));
    }

    /** The JSON file as Gson fills it; checked by {@link #of}. */
    static File read(Reader json) {
        return Json.read(json);
    }

    /** Gson's part, in a class of its own: loading the catalogue's class loads none of Gson's. */
    private static final class Json {
        static File read(Reader json) {
            File file;
            try {
                file = new Gson().fromJson(json, File.class);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("the tool catalogue is not valid JSON: " + e.getMessage(), e);
            }
            if (file == null || file.tools == null) {
                throw new IllegalArgumentException("the tool catalogue has no \"tools\" list");
            }
            return file;
        }
    }

    /** The catalogue of a read file, its entries checked and their patterns compiled. */
    static DevToolCatalogue of(File file) {
        return of(file, true);
    }

    /**
     * The catalogue of a read file, its entries checked; its patterns compiled now when
     * {@code compileNow}, else each when a process first gets past its literals ({@link ToolPattern}).
     */
    static DevToolCatalogue of(File file, boolean compileNow) {
        List<DevTool> tools = new ArrayList<>(file.tools.size());
        Set<String> ids = new HashSet<>();
        for (Entry e : file.tools) {
            if (e.id == null || e.name == null) {
                throw new IllegalArgumentException("a tool in the catalogue has no id or name");
            }
            if (!ids.add(e.id)) {
                throw new IllegalArgumentException("the tool id " + e.id + " appears twice in the catalogue");
            }
            try {
                tools.add(new DevTool(e.id, e.name, e.description, Objects.requireNonNullElse(e.ports, List.of()),
                        compile(e.process, true, compileNow, e.processLiterals),
                        compile(e.commandLine, false, compileNow, e.commandLineLiterals), e.tls,
                        Objects.requireNonNullElse(e.tlsPorts, List.of()), e.generic, e.onlyOnItsPorts));
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException("tool " + e.id + " has a broken pattern: " + ex.getMessage(), ex);
            }
        }
        Map<String, String> users = Objects.requireNonNullElse(file.serviceUsers, Map.of());
        for (Map.Entry<String, String> u : users.entrySet()) {
            if (!ids.contains(u.getValue())) {
                throw new IllegalArgumentException("the service user " + u.getKey() + " names an unknown tool "
                        + u.getValue());
            }
        }
        return new DevToolCatalogue(tools, users);
    }

    /**
     * Reads the bundled catalogue now, on the calling thread: from the form the build compiled it
     * into ({@link CompiledCatalogue}, no JSON parsing) when that was made from this very file, else
     * from the JSON.
     */
    public static DevToolCatalogue loadBundled() {
        byte[] json;
        try (InputStream in = BundledFiles.open(DevToolCatalogue.class, RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled tool catalogue " + RESOURCE + " is missing");
            }
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        File compiled = CompiledCatalogue.readBundled(json);
        // The compiled form is of this very file, whose patterns the build compiled (a broken one
        // fails the build): they are compiled when first needed. A file edited since is checked now.
        return compiled != null ? of(compiled, false)
                : of(read(new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)), true);
    }

    /** The bundled catalogue, read once on first use. Blocks the first caller: not for the FX thread. */
    public static DevToolCatalogue shared() {
        return Holder.INSTANCE;
    }


    public List<DevTool> all() {
        return tools;
    }

    public Optional<DevTool> byId(String id) {
        for (DevTool t : tools) { // a loop: a stream's lambda is spun at run time (docs/PERFORMANCE.md, step 27)
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Every tool that matches the process, in catalogue order. */
    public List<DevTool> matching(ProcessInfo process) {
        DevTool.ProcessText text = new DevTool.ProcessText(process);
        List<DevTool> found = new ArrayList<>();
        for (DevTool t : tools) {
            if (t.matches(text)) {
                found.add(t);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The tool a process most likely is, for a socket on {@code port}: among the matching tools
     * (specific ones before generic ones), the first that usually listens on that port, else the
     * first match. A Vite server started with --inspect is "Node.js debugger" on 9229 and "Vite dev
     * server" on 5173.
     */
    public Optional<DevTool> recognise(ProcessInfo process, int port) {
        // Loops, not streams sorted with Comparator.comparing: that comparator is a serializable
        // lambda, generated at run time in every JVM (docs/PERFORMANCE.md, "Start-up of a command").
        DevTool firstSpecific = null;
        DevTool firstGeneric = null;
        DevTool firstGenericOnPort = null;
        DevTool.ProcessText text = new DevTool.ProcessText(process); // read once for all the tools
        for (DevTool t : tools) {
            boolean onPort = t.usuallyOn(port);
            if ((t.onlyOnItsPorts() && !onPort) || !t.matches(text)) {
                continue;
            }
            if (!t.generic()) {
                if (onPort) {
                    return Optional.of(t); // specific ones come first, and it is on its port
                }
                firstSpecific = firstSpecific == null ? t : firstSpecific;
            } else {
                firstGeneric = firstGeneric == null ? t : firstGeneric;
                firstGenericOnPort = firstGenericOnPort == null && onPort ? t : firstGenericOnPort;
            }
        }
        // no specific tool on its port: a generic one on its port, else the first match (specific ones first)
        return Optional.ofNullable(firstGenericOnPort != null ? firstGenericOnPort
                : firstSpecific != null ? firstSpecific : firstGeneric);
    }

    /** The tool that runs under a service account, e.g. PostgreSQL for the user "postgres". */
    public Optional<DevTool> forServiceUser(String user) {
        String id = user == null ? null : serviceUsers.get(user);
        return id == null ? Optional.empty() : byId(id);
    }

    /** The tools that usually listen on a port, specific tools before generic ones. */
    public List<DevTool> usuallyOn(int port) {
        List<DevTool> specific = new ArrayList<>();
        List<DevTool> generic = new ArrayList<>();
        for (DevTool t : tools) {
            if (t.usuallyOn(port)) {
                (t.generic() ? generic : specific).add(t);
            }
        }
        specific.addAll(generic);
        return List.copyOf(specific);
    }

    /** The tool pattern; compiled now when {@code now} (a broken one then fails here), else when first needed. */
    private static ToolPattern compile(String regex, boolean whole, boolean now, String[] literals) {
        ToolPattern p = whole ? ToolPattern.whole(regex, literals) : ToolPattern.find(regex, literals);
        if (p != null && now) {
            p.compiled();
        }
        return p;
    }

    /** The JSON shape, as Gson fills it (and {@link CompiledCatalogue} reads it). */
    static final class File {
        List<Entry> tools;
        Map<String, String> serviceUsers;
    }

    static final class Entry {
        String id;
        String name;
        String description;
        List<Integer> ports;
        String process;
        String commandLine;
        boolean tls;
        List<Integer> tlsPorts;
        boolean generic;
        boolean onlyOnItsPorts;
        /** The patterns' {@link RequiredLiterals}, as the build read them (not in the JSON); null: read them now. */
        transient String[] processLiterals;
        transient String[] commandLineLiterals;
    }

    private static final class Holder {
        static final DevToolCatalogue INSTANCE = loadBundled();
    }
}
