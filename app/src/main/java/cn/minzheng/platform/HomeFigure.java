package cn.minzheng.platform;

import java.util.Set;

/**
 * A figure on the home page, contributed by a module. It is computed in the viewer's data scope: a community worker
 * sees their community's count, the district sees the district's.
 */
public interface HomeFigure {

    String label();

    String unit();

    long value();

    default String link() {
        return null;
    }

    /** Role names that see this figure; empty means everyone. */
    default Set<String> roles() {
        return Set.of();
    }

    default int order() {
        return 100;
    }
}
