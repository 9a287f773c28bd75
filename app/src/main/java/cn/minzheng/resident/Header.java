package cn.minzheng.resident;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Maps the columns of an uploaded file to the template's columns by their headers (any order; extra ones ignored). */
final class Header {

    private final int[] positions = new int[ImportColumn.values().length];

    private Header() {}

    static Header read(List<String> cells) {
        Header header = new Header();
        java.util.Arrays.fill(header.positions, -1);
        Map<ImportColumn, Integer> seen = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            int index = i;
            ImportColumn.ofHeader(cells.get(i)).ifPresent(column -> {
                if (seen.containsKey(column)) {
                    throw new ImportRefused("表头中“" + column.header() + "”出现了两次（第 " + (seen.get(column) + 1) + " 列和第 "
                            + (index + 1) + " 列），请使用导入模板");
                }
                seen.put(column, index);
                header.positions[column.ordinal()] = index;
            });
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && header.positions[column.ordinal()] < 0) {
                missing.add(column.header());
            }
        }
        if (seen.isEmpty()) {
            throw new ImportRefused("第一行不是导入模板的表头（应为 " + String.join(",", headers()) + "），请下载并使用导入模板");
        }
        if (!missing.isEmpty()) {
            throw new ImportRefused("表头缺少列：" + String.join("、", missing) + "。请下载并使用导入模板");
        }
        return header;
    }

    static List<String> headers() {
        return java.util.Arrays.stream(ImportColumn.values())
                .map(ImportColumn::header)
                .toList();
    }

    SourceRow row(int number, List<String> cells) {
        String[] values = new String[positions.length];
        for (int c = 0; c < positions.length; c++) {
            int at = positions[c];
            values[c] = at >= 0 && at < cells.size() ? cells.get(at) : "";
        }
        return new SourceRow(number, values);
    }
}
