package dev.portside.scan;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** A whole small file read into a buffer that is reused (and grown) from one read to the next. */
final class FileBuffer {

    byte[] bytes;
    int length;

    FileBuffer(int initialSize) {
        bytes = new byte[initialSize];
    }

    /** Reads the file; false when it cannot be read (gone, no permission), with length 0. */
    boolean load(String path) {
        length = 0;
        try (InputStream in = new FileInputStream(path)) {
            int n;
            while ((n = in.read(bytes, length, bytes.length - length)) > 0) {
                length += n;
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
            return true;
        } catch (IOException e) {
            length = 0;
            return false;
        }
    }
}
