package arena.bench.cli;


import arena.bench.report.OutputDirectory;
import arena.bench.report.ReportFiles;
import arena.bench.report.TimelineTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --out DIR} deletes or replaces only files arena wrote: a missing directory is created, a
 * previous set of its own (listed by its manifest) is replaced as a whole, and every other target
 * is refused before anything runs, with one line naming what is in the way. Each case runs the
 * real CLI against real directories, files, links, a FIFO and a device node the test made.
 */
class OutputDirectoryTest {

    private static final List<String> QUICK = List.of("compare", "--strategies", "forkjoin", "--threads", "1", "--kernels", "scalar",
            "--schedules", "static", "--resolution", "20", "--repeat", "1", "--warmup", "0", "--budget", "0");

    private static CliRunner compareInto(String out) {
        List<String> args = new ArrayList<>(QUICK);
        args.addAll(List.of("--out", out));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertRefusedBeforeRunning(CliRunner run, String... inMessage) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception").startsWith("arena compare: --out: ").contains(inMessage);
        assertThat(run.out()).as("nothing ran").isEmpty();
    }

    @Test
    void aDirectoryHoldingSomeoneElsesFiles_isRefused_namingTheFirstForeignEntry_andKeepsEverything(@TempDir Path dir) throws Exception {
        Path thesis = dir.resolve("d");
        Files.createDirectory(thesis);
        Files.writeString(thesis.resolve("thesis.txt"), "keep");
        Files.createDirectories(thesis.resolve("chapters"));
        Files.writeString(thesis.resolve("chapters/one.txt"), "keep too");
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(thesis);

        assertRefusedBeforeRunning(compareInto(thesis.toString()), "holds chapters, which arena did not write", "remove it or name a new directory");

        assertThat(ChildCli.names(thesis)).containsExactly("chapters", "thesis.txt");
        assertThat(thesis.resolve("thesis.txt")).hasContent("keep");
        assertThat(thesis.resolve("chapters/one.txt")).hasContent("keep too");
        assertThat(Files.getPosixFilePermissions(thesis)).isEqualTo(permissions);
        assertThat(ChildCli.names(dir)).containsExactly("d");
    }

    @Test
    void theCurrentDirectoryOfARepository_isRefused_andKeepsItsGitDirectory(@TempDir Path repository) throws Exception {
        Files.createDirectories(repository.resolve(".git"));
        Files.writeString(repository.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repository.resolve("README.md"), "# mine\n");

        assertRefusedBeforeRunning(compareInto(repository + "/."), "holds .git, which arena did not write");

        assertThat(repository.resolve(".git/HEAD")).hasContent("ref: refs/heads/main");
        assertThat(ChildCli.names(repository)).containsExactly(".git", "README.md");
    }

    @Test
    void anEmptyExistingDirectory_isRefused_becauseArenaDidNotCreateIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertRefusedBeforeRunning(compareInto(empty.toString()), "is empty, and arena did not create it");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void aSetWrittenWithoutAManifest_isRefused_sayingHowToProceed(@TempDir Path dir) throws Exception {
        Path older = Files.createDirectory(dir.resolve("older"));
        for (String name : ReportFiles.NAMES) {
            Files.writeString(older.resolve(name), "from an older arena");
        }
        assertRefusedBeforeRunning(compareInto(older.toString()), "holds median-times.png", "no .arena-manifest", "remove it or name a new directory");
        assertThat(ChildCli.names(older)).hasSameElementsAs(ReportFiles.NAMES);
    }

    @Test
    void emptyPathAndRoot_areRefused() {
        assertRefusedBeforeRunning(compareInto(""), "out is empty");
        assertRefusedBeforeRunning(compareInto("/"), "must not be / (the root directory)");
    }

    @Test
    void aFileAFifoAndADanglingLink_areRefused_andStayAsTheyWere(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "mine");
        assertRefusedBeforeRunning(compareInto(file.toString()), "is a file");
        assertThat(file).hasContent("mine");

        Path fifo = dir.resolve("fifo");
        assertThat(ChildCli.tool(dir.resolve("mkfifo.log"), "mkfifo", fifo.toString())).isZero();
        assertRefusedBeforeRunning(compareInto(fifo.toString()), "is a FIFO");
        assertThat(ChildCli.fileType(fifo)).isEqualTo(0010000);

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertRefusedBeforeRunning(compareInto(dangling.toString()), "is a symbolic link to " + dir.resolve("nowhere") + ", which does not exist");
        assertThat(dangling).isSymbolicLink();
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void aDeviceNode_isRefused_andStaysADevice(@TempDir Path dir) throws Exception {
        Path device = dir.resolve("full");
        int made = ChildCli.tool(dir.resolve("mknod.log"), "mknod", device.toString(), "c", "1", "7");
        String mknodSaid = Files.readString(dir.resolve("mknod.log")).strip();
        assumeTrue(made == 0, () -> {
            System.out.println("skipped: mknod needs root (CAP_MKNOD): " + mknodSaid);
            return "skipped: mknod needs root (CAP_MKNOD): " + mknodSaid;
        });
        assertRefusedBeforeRunning(compareInto(device.toString()), "is a character device");
        assertThat(ChildCli.fileType(device)).isEqualTo(0020000);
    }

    @Test
    void aMissingDirectory_isCreated_withTheUsualPermissions_holdingTheSetAndItsManifest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new");
        CliRunner run = compareInto(out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> written = ReportFiles.NAMES.stream().filter(name -> !name.equals(TimelineTrace.FILE)).toList(); // no --timeline
        List<String> expected = new ArrayList<>(written);
        expected.add(OutputDirectory.MANIFEST);
        assertThat(ChildCli.names(out)).hasSameElementsAs(expected);
        assertThat(Files.readAllLines(out.resolve(OutputDirectory.MANIFEST)).subList(1, 1 + written.size())).hasSameElementsAs(written);
        Path likeMkdir = Files.createDirectory(dir.resolve("made-by-the-test"));
        assertThat(Files.getPosixFilePermissions(out)).as("not owner-only like a temporary directory")
                .isEqualTo(Files.getPosixFilePermissions(likeMkdir));
        assertThat(ChildCli.names(dir)).containsExactly("made-by-the-test", "new");
    }

    @Test
    void rerunIntoItsOwnSet_replacesTheWholeSet_andLeavesNothingBeside(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("set");
        assertThat(compareInto(out.toString()).exitCode()).isZero();
        Files.delete(out.resolve("speedup.png"));
        String before = Files.readString(out.resolve("results.json"));

        CliRunner again = compareInto(out.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(out.resolve("speedup.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("results.json"))).isNotEqualTo(before);
        assertThat(ChildCli.names(dir)).containsExactly("set");
    }

    @Test
    void aLinkToItsOwnSet_isFollowed_andStaysALink_whileALinkToAForeignDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("set");
        assertThat(compareInto(set.toString()).exitCode()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("latest"), set);
        String before = Files.readString(set.resolve("results.json"));

        CliRunner run = compareInto(link.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote " + set.toRealPath());
        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(set);
        assertThat(Files.readString(set.resolve("results.json"))).isNotEqualTo(before);

        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Path toForeign = Files.createSymbolicLink(dir.resolve("to-foreign"), foreign);
        assertRefusedBeforeRunning(compareInto(toForeign.toString()), "holds notes.txt");
        assertThat(toForeign).isSymbolicLink();
        assertThat(ChildCli.names(foreign)).containsExactly("notes.txt");
    }

    @Test
    void leftoversOfAKilledRun_areRemovedByTheNextRun_butNothingElseThatLooksLikeThem(@TempDir Path dir) throws Exception {
        String ownManifest = Files.readString(ownManifest(dir));
        long gone = deadProcessId();
        long alive = ProcessHandle.current().pid();
        Path freshSet = Files.createDirectory(dir.resolve(".arena-set-" + gone + "-0badf00d"));
        Files.writeString(freshSet.resolve("results.csv"), "half a set");
        Path oldSet = Files.createDirectory(dir.resolve(".arena-old-" + gone + "-0123abcd"));
        Files.writeString(oldSet.resolve(OutputDirectory.MANIFEST), ownManifest);
        Files.writeString(oldSet.resolve("results.csv"), "a replaced set");
        Files.writeString(dir.resolve(".arena-file-" + gone + "-89abcdef"), "half a png");
        Path runningBeside = Files.createDirectory(dir.resolve(".arena-set-" + alive + "-00c0ffee"));
        Path lookAlike = Files.writeString(dir.resolve(".arena-set-notes"), "mine");
        Path lookAlikeWithSuffix = Files.writeString(dir.resolve(".arena-file-" + gone + "-89abcdef.txt"), "mine");

        assertThat(compareInto(dir.resolve("set").toString()).exitCode()).isZero();

        assertThat(ChildCli.names(dir)).containsExactlyInAnyOrder("set", "own", runningBeside.getFileName().toString(),
                lookAlike.getFileName().toString(), lookAlikeWithSuffix.getFileName().toString());
    }

    /** The manifest of a real set, written by the CLI into {@code dir/own}. */
    private static Path ownManifest(Path dir) {
        assertThat(compareInto(dir.resolve("own").toString()).exitCode()).isZero();
        return dir.resolve("own").resolve(OutputDirectory.MANIFEST);
    }

    /** The id of a process that has ended (a real one, so no live process of this machine has it now, barring reuse). */
    static long deadProcessId() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        return process.pid();
    }
}
