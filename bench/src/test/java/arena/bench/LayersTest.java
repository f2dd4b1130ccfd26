package arena.bench;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No import runs from a lower layer to a higher one, checked with ArchUnit on the compiled main
 * classes of every module (bench's test class path holds them all; test code, including core's
 * testkit, is left out). The table below is the rule: a layer may use the layers it names and
 * itself, and any library (the JDK, picocli, Akka, ...); a strategy uses only core, never bench or
 * another strategy. The import lines of the sources are held to the same table, since bytecode does
 * not keep an import that only Javadoc uses.
 */
class LayersTest {

    /** A layer: its name, its packages (ArchUnit's {@code ..} syntax) and the layers it may use. */
    private record Layer(String name, String packages, List<String> mayUse) {
        Layer(String name, String packages, String... mayUse) {
            this(name, packages, List.of(mayUse));
        }
    }

    private static final List<String> CORE = List.of("core.input", "core.io", "core.problem", "core.concurrent", "core.kernel", "core");

    /** Lowest first. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("core.input",      "arena.core.input"),
            new Layer("core.io",         "arena.core.io"),
            new Layer("core.problem",    "arena.core.problem",    "core.input"),
            new Layer("core.concurrent", "arena.core.concurrent", "core.input", "core.problem"),
            new Layer("core.kernel",     "arena.core.kernel",     "core.input", "core.problem", "core.concurrent"),
            new Layer("core",            "arena.core",            "core.input", "core.problem", "core.concurrent", "core.kernel"),
            // strategies: one layer each, added below from the classes found, each using only CORE
            new Layer("bench.measure",   "arena.bench.measure",   CORE.toArray(String[]::new)),
            new Layer("bench.report",    "arena.bench.report..",  with(CORE, "bench.measure")),
            new Layer("bench.jmh",       "arena.bench.jmh..",     with(CORE, "bench.measure")),
            new Layer("bench.cli",       "arena.bench.cli",       with(CORE, "bench.measure", "bench.report", "bench.jmh")));

    private static final Pattern STRATEGY = Pattern.compile("arena\\.strategy\\.([a-z0-9]+)");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?((?:[a-z][a-z0-9_]*\\.)+)([A-Z][\\w.]*)\\s*;", Pattern.MULTILINE);

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/arena/core/testkit/"))
                .importPackages("arena");
    }

    @Test
    void everyLayer_importsOnlyTheLayersBelowIt() {
        List<String> strategies = strategyPackages();
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.packages());
        }
        for (String strategy : strategies) {
            architecture = architecture.layer(strategy).definedBy(strategy);
        }
        for (Layer layer : LAYERS) {
            List<String> mayUse = new ArrayList<>(layer.mayUse());
            if (mayUse.remove("strategies")) {
                mayUse.addAll(strategies);
            }
            architecture = mayUse.isEmpty() ? architecture.whereLayer(layer.name()).mayNotAccessAnyLayer()
                    : architecture.whereLayer(layer.name()).mayOnlyAccessLayers(mayUse.toArray(String[]::new));
        }
        for (String strategy : strategies) {
            architecture = architecture.whereLayer(strategy).mayOnlyAccessLayers(CORE.toArray(String[]::new));
        }

        architecture.check(classes);
    }

    /** Bytecode does not keep an import used only in Javadoc: the source's import lines follow the same table. */
    @Test
    void noImportLineOfMainCode_pointsUpward() throws IOException {
        List<String> strategies = strategyPackages();
        List<String> upward = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            sources = files.filter(f -> f.toString().replace('\\', '/').contains("/src/main/java/arena/") && f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher declared = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
            assertThat(declared.find()).as("package line of %s", source).isTrue();
            String from = declared.group(1);
            Matcher imported = IMPORT.matcher(text);
            while (imported.find()) {
                String to = imported.group(1).substring(0, imported.group(1).length() - 1);
                String fromClass = from + "." + source.getFileName().toString().replace(".java", "");
                if (to.startsWith("arena.") && !mayUse(layerOf(from), layerOf(to), strategies)) {
                    upward.add(fromClass + " imports " + to + "." + imported.group(2));
                }
            }
        }
        assertThat(sources).as("main sources found").hasSizeGreaterThan(100);
        assertThat(upward).as("imports from a lower layer to a higher one").isEmpty();
    }

    @Test
    void theTableCoversEveryPackageOfMainCode() {
        TreeSet<String> uncovered = new TreeSet<>();
        for (JavaClass type : classes) {
            String pkg = type.getPackageName();
            if (layerOf(pkg).startsWith("(no layer")) {
                uncovered.add(pkg);
            }
        }
        assertThat(uncovered).as("packages in no layer of the table").isEmpty();
        assertThat(strategyPackages()).as("strategies found").hasSizeGreaterThanOrEqualTo(10);
    }

    /** The layer of a package: a strategy's own package, or the table's entry. */
    private static String layerOf(String pkg) {
        if (STRATEGY.matcher(pkg).matches()) {
            return pkg;
        }
        return LAYERS.stream().filter(l -> l.packages().endsWith("..") ? pkg.startsWith(l.packages().replace("..", ""))
                : pkg.equals(l.packages())).map(Layer::name).findFirst().orElse("(no layer: " + pkg + ")");
    }

    private static boolean mayUse(String from, String to, List<String> strategies) {
        if (from.equals(to)) {
            return true;
        }
        if (STRATEGY.matcher(from).matches()) {
            return CORE.contains(to);
        }
        Layer layer = LAYERS.stream().filter(l -> l.name().equals(from)).findFirst().orElseThrow(() -> new AssertionError(from));
        return layer.mayUse().contains(to) || layer.mayUse().contains("strategies") && strategies.contains(to);
    }

    private static List<String> strategyPackages() {
        return classes.stream().map(JavaClass::getPackageName).filter(p -> STRATEGY.matcher(p).matches()).distinct().sorted().toList();
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
