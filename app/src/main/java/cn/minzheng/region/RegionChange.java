package cn.minzheng.region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded change of the tree, with the codes it closed and the codes it opened. */
public record RegionChange(
        long id,
        RegionChangeKind kind,
        LocalDate effectiveOn,
        String documentRef,
        String note,
        String recordedBy,
        Instant recordedAt,
        List<String> predecessors,
        List<String> successors) {}
