package cn.minzheng.platform.files;

import java.util.Locale;

/** The client's file name, kept for display only: no path from it ever reaches the file system. */
public final class UploadNames {

    private UploadNames() {}

    /** The last path element, without control characters, at most 100 characters; "未命名" when nothing is left. */
    public static String displayName(String originalName) {
        if (originalName == null || originalName.isBlank()) {
            return "未命名";
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            return "未命名";
        }
        return name.codePointCount(0, name.length()) > 100 ? name.substring(0, name.offsetByCodePoints(0, 100)) : name;
    }

    /**
     * The name with the extension of what the file really is, in place of the one it came with ({@code a.html} holding
     * a PDF becomes {@code a.pdf}), so that a download never opens as something else.
     */
    public static String withExtension(String displayName, String extension) {
        String base = displayName.contains(".") ? displayName.substring(0, displayName.lastIndexOf('.')) : displayName;
        return (base.isBlank() ? "未命名" : base) + "." + extension;
    }

    /** The extension of a display name, lower case, without the dot; empty when there is none. */
    public static String extension(String displayName) {
        return displayName.contains(".")
                ? displayName.substring(displayName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
    }
}
