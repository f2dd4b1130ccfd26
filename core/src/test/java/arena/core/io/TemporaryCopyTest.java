package arena.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemporaryCopyTest {

    private static final String RESOURCE = "/arena/core/io/copied.txt";

    @Test
    void aResource_isCopiedUnderItsOwnName_intoADirectoryOnlyItsOwnerMayEnter_andCloseLeavesNothing() throws Exception {
        Path file;
        Path directory;
        try (TemporaryCopy copy = TemporaryCopy.of(TemporaryCopyTest.class, RESOURCE, "arena-copy-test-").orElseThrow()) {
            file = copy.path();
            directory = file.getParent();
            assertThat(file.getFileName()).hasToString("copied.txt");
            assertThat(Files.readString(file)).isEqualTo("a resource for TemporaryCopyTest\n");
            assertThat(directory.getFileName().toString()).startsWith("arena-copy-test-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        }
        assertThat(file).doesNotExist();
        assertThat(directory).doesNotExist();
    }

    @Test
    void aMissingResource_isEmpty_andMakesNoDirectory() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countCopies(temp);

        Optional<TemporaryCopy> copy = TemporaryCopy.of(TemporaryCopyTest.class, "/arena/core/io/no-such-file.so", "arena-copy-missing-");

        assertThat(copy).isEmpty();
        assertThat(countCopies(temp)).isEqualTo(before);
    }

    private static long countCopies(Path temp) throws Exception {
        try (var entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("arena-copy-missing-")).count();
        }
    }
}
