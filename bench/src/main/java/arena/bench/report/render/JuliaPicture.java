package arena.bench.report.render;

import arena.core.CountGrid;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Pictures a {@link CountGrid} the way the chapter shows it, {@code imshow(np.log(counts))} with viridis: one pixel
 * per cell, pixel {@code (x = column, y = row)} for cell {@code (row, column)}, so grid row 0 (the first value of
 * the real axis) is the top line, as imshow shows a 2-D array.
 *
 * <p>Colour: {@code v = (ln(count) - ln(minPositive)) / (ln(max) - ln(minPositive))} clamped to [0, 1], then
 * viridis entry {@code min(floor(v * 256), 255)}, matplotlib's own lookup into its 256-entry table. Counts of 0
 * (ln = -infinity) take the lowest colour, as does every cell of a grid whose positive counts are all equal. The
 * table is matplotlib's viridis, each channel rounded to 8 bits ({@code #440154} to {@code #fde725}); matplotlib's
 * PNG writer truncates instead, so its pixels may be one unit lower per channel.
 *
 * <p>Threading: stateless and thread-safe; the grid is only read.
 */
public final class JuliaPicture {

    /** matplotlib's viridis, 256 entries of RRGGBB, from {@code matplotlib.colors.to_hex(viridis.colors[i])}. */
    private static final String VIRIDIS_HEX = String.join("",
            "44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668481769",
            "48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a",
            "472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85",
            "4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b",
            "3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d",
            "33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e",
            "2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e",
            "26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d",
            "21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88",
            "1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad81",
            "28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc74",
            "3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863",
            "5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d",
            "84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32",
            "addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a",
            "d8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725");

    private static final int[] VIRIDIS = parse(VIRIDIS_HEX);

    private JuliaPicture() {
    }

    /** The viridis colour (0xRRGGBB) at {@code position} in [0, 1], clamped; for other pictures of the project. */
    public static int viridis(double position) {
        double v = Double.isNaN(position) ? 0 : Math.max(0, Math.min(1, position));
        return VIRIDIS[Math.min(VIRIDIS.length - 1, (int) (v * VIRIDIS.length))];
    }

    /** A {@code size x size} RGB image of {@code grid}, coloured as the class comment says. */
    public static BufferedImage toImage(CountGrid grid) {
        int size = grid.size();
        int minPositive = IntStream.range(0, grid.cellCount()).map(k -> grid.get(k / size, k % size))
                .filter(count -> count > 0).min().orElse(0);
        int max = grid.max();
        double low = minPositive > 0 ? Math.log(minPositive) : 0;
        double span = minPositive > 0 && minPositive < max ? Math.log(max) - low : 0;
        int[] pixels = new int[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                pixels[row * size + column] = colour(grid.get(row, column), low, span);
            }
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, size, size, pixels, 0, size);
        return image;
    }

    /** Writes {@link #toImage(CountGrid)} as a PNG, creating missing parent directories. */
    public static void writePng(CountGrid grid, Path png) throws IOException {
        BufferedImage image = toImage(grid);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    private static int colour(int count, double low, double span) {
        if (count <= 0 || span == 0) {
            return VIRIDIS[0];
        }
        double v = Math.clamp((Math.log(count) - low) / span, 0.0, 1.0);
        return VIRIDIS[Math.min((int) (v * VIRIDIS.length), VIRIDIS.length - 1)];
    }

    private static int[] parse(String hex) {
        int[] colours = new int[hex.length() / 6];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = Integer.parseInt(hex, i * 6, i * 6 + 6, 16);
        }
        return colours;
    }
}
