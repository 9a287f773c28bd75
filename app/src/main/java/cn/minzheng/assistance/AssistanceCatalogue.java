package cn.minzheng.assistance;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue as data: the six national categories with the district's five levels, the four types, programmes. */
@Service
@Transactional(readOnly = true)
public class AssistanceCatalogue {

    private final JdbcClient jdbc;

    AssistanceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Programme(String code, String name, String category, String type, String pays, boolean monthly) {}

    public record Category(
            String code, String name, int nationalOrder, Integer districtLevel, String levelName, String note) {}

    public record Type(String code, String name, String note) {}

    public List<Programme> programmes() {
        return jdbc.sql(
                        "select code, name, category_code, type_code, pays, monthly from assistance_programme order by code")
                .query((rs, n) -> new Programme(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    public List<Category> categories() {
        return jdbc.sql(
                        "select code, name, national_order, district_level, level_name, note from assistance_category order by national_order")
                .query((rs, n) -> new Category(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    public List<Type> types() {
        return jdbc.sql("select code, name, note from assistance_type order by code")
                .query((rs, n) -> new Type(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
