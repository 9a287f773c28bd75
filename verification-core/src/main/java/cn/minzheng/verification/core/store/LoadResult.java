package cn.minzheng.verification.core.store;

import java.nio.file.Path;
import java.util.List;

/** What loading one source file did. */
public record LoadResult(
        Source source,
        Path file,
        long rowsRead,
        long accepted,
        long rejected,
        long withUsableId,
        long residue,
        double seconds,
        List<String> warnings) {}
