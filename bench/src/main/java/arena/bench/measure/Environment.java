package arena.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a measurement was taken: the JDK, the JVM's flags, the OS, the CPU model and core count, the
 * date, and the project's version and the git commit recorded at build time when known. Every report carries it. Immutable.
 *
 * @param jdkVendor      the JVM's vendor
 * @param jdkVersion     the full runtime version
 * @param jvmFlags       the JVM's input arguments
 * @param os             name, version and architecture
 * @param cpuModel       the CPU's model name, or "unknown"
 * @param cores          available processors
 * @param date           when the measurement started, ISO-8601
 * @param projectVersion the project's version, or "development build"
 * @param gitCommit      the git commit of the sources, or "unknown"
 */
public record Environment(String jdkVendor, String jdkVersion, List<String> jvmFlags, String os, String cpuModel, int cores,
                          String date, String projectVersion, String gitCommit) {

    /** This JVM's environment, read now. */
    public static Environment current() {
        String version = Environment.class.getPackage().getImplementationVersion();
        return new Environment(System.getProperty("java.vendor"), Runtime.version().toString(),
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                readCpuModel(), Runtime.getRuntime().availableProcessors(),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                version == null ? "development build" : version, readGitCommit());
    }

    /** The fields as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jdk_vendor", jdkVendor);
        json.put("jdk_version", jdkVersion);
        json.put("jvm_flags", jvmFlags);
        json.put("os", os);
        json.put("cpu_model", cpuModel);
        json.put("cores", cores);
        json.put("date", date);
        json.put("project_version", projectVersion);
        json.put("git_commit", gitCommit);
        return json;
    }

    /** One line for a report's header. */
    public String oneLine() {
        return "JDK " + jdkVersion + " (" + jdkVendor + "), " + os + ", " + cpuModel + ", " + cores + " cores, " + date
                + ", arena " + projectVersion + " @ " + gitCommit;
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return "unknown";
    }

    /**
     * The commit the build recorded in {@code arena/git.properties} ({@code git describe --always
     * --dirty --abbrev=12}), or "unknown" when the build had no git or no checkout: git is never run
     * here.
     */
    static String readGitCommit() {
        try (InputStream in = Environment.class.getResourceAsStream("/arena/git.properties")) {
            if (in != null) {
                Properties git = new Properties();
                git.load(in);
                String describe = git.getProperty("git.commit.id.describe", "").strip();
                if (!describe.isEmpty() && !describe.equals("unknown")) {
                    return describe;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // unreadable: unknown
        }
        return "unknown";
    }
}
