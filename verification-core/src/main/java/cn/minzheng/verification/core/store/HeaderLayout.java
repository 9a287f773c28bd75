package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each column the engine needs sits in a delivered file. The five common columns are required; a missing own
 * column is loaded as empty with a warning; columns the engine does not know are ignored.
 */
final class HeaderLayout {

    final int fieldCount;
    final int recordId;
    final int idNumber;
    final int name;
    final int gender;
    final int birthDate;
    /** Field index of each own column in {@link Source#ownColumns()} order, or -1 when absent. */
    final int[] own;

    final List<String> warnings = new ArrayList<>();

    HeaderLayout(Source source, Path file, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        fieldCount = header.size();
        recordId = required(index, "record_id", file);
        idNumber = required(index, "id_number", file);
        name = required(index, "name", file);
        gender = required(index, "gender", file);
        birthDate = required(index, "birth_date", file);
        own = new int[source.ownColumns().size()];
        for (int i = 0; i < own.length; i++) {
            String column = source.ownColumns().get(i).name();
            own[i] = index.getOrDefault(column, -1);
            if (own[i] < 0) {
                warnings.add("column " + column + " missing, loaded as empty");
            }
        }
    }

    private static int required(Map<String, Integer> index, String column, Path file) {
        Integer at = index.get(column);
        if (at == null) {
            throw new UserError(file + ": missing required column " + column);
        }
        return at;
    }
}
