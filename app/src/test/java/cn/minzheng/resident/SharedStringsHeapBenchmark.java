package cn.minzheng.resident;

import cn.minzheng.platform.files.DiskSharedStrings;
import cn.minzheng.platform.files.WorkbookLimits;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 13 A5, measured: the heap a workbook's shared-strings table takes, POI's in-heap table against the table on
 * disk. Prints figures; asserts none. Skipped unless {@code -Dminzheng.benchmark=true}:
 *
 * <pre>
 * ./mvnw -pl app test -Dtest=SharedStringsHeapBenchmark -Dminzheng.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "minzheng.benchmark", matches = "true")
class SharedStringsHeapBenchmark {

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void heapOfTheSharedStringsTable() throws Exception {
        int strings = 2_000_000;
        Path file = Files.createTempFile("minzheng-bench-", ".xlsx");
        try {
            Files.write(file, WorkbookBoundsTest.workbook(strings, 10));
            System.out.printf(
                    "%n=== shared strings: %,d strings of 3 letters, workbook %,d bytes ===%n",
                    strings, Files.size(file));
            // Each table is measured in its own method so that no stack slot keeps the other one alive.
            System.out.printf("DiskSharedStrings: heap +%,d MB%n", onDisk(file, strings) >> 20);
            System.out.printf("POI ReadOnlySharedStringsTable: heap +%,d MB%n", inHeap(file) >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long onDisk(Path file, int strings) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            long before = used();
            try (DiskSharedStrings table =
                    DiskSharedStrings.read(pkg, file.getParent(), new WorkbookLimits(strings, 1, 500))) {
                long grown = used() - before;
                System.out.printf("  (%,d strings on disk)%n", table.getUniqueCount());
                return grown;
            }
        }
    }

    private static long inHeap(Path file) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            long before = used();
            ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(pkg, false);
            long grown = used() - before;
            System.out.printf("  (%,d strings in the heap)%n", table.getUniqueCount());
            return grown;
        }
    }
}
