package dev.portside.ui.about;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The app icon (rendered from {@code assets/icon/portside.svg}) in the sizes windows ask for. Loaded
 * once; a missing file is skipped, never fatal.
 */
public final class AppIcons {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private static List<Image> all;

    private AppIcons() {
    }

    /** Every size, for {@code stage.getIcons()}: the system picks the best for each place. */
    public static synchronized List<Image> all() {
        if (all == null) {
            List<Image> images = new ArrayList<>();
            for (int size : SIZES) {
                Image image = load(size);
                if (image != null) {
                    images.add(image);
                }
            }
            all = List.copyOf(images);
        }
        return all;
    }

    /** One size (one of 16, 32, 48, 64, 128, 256), or null if it cannot be read. */
    public static Image sized(int size) {
        for (Image image : all()) {
            if ((int) image.getWidth() == size) {
                return image;
            }
        }
        return null;
    }

    private static Image load(int size) {
        InputStream in = AppIcons.class.getResourceAsStream("/dev/portside/icons/portside-" + size + ".png");
        if (in == null) {
            return null;
        }
        try (in) {
            Image image = new Image(in);
            return image.isError() ? null : image;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
