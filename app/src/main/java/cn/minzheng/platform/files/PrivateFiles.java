package cn.minzheng.platform.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Temporary files readable by the platform's account only: an upload holds personal data until it is deleted. */
public final class PrivateFiles {

    private PrivateFiles() {}

    public static Path create(Path folder, String prefix, String suffix) throws IOException {
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try {
            var owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return folder == null
                    ? Files.createTempFile(prefix, suffix, owner)
                    : Files.createTempFile(folder, prefix, suffix, owner);
        } catch (UnsupportedOperationException e) {
            return folder == null ? Files.createTempFile(prefix, suffix) : Files.createTempFile(folder, prefix, suffix);
        }
    }
}
