package cn.minzheng.platform;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Small persistent facts about this installation (bootstrap done, demo loaded, …). */
@Component
public class PlatformSettings {

    private final JdbcClient jdbc;

    PlatformSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<String> get(String key) {
        return jdbc.sql("select value from platform_setting where key = ?")
                .param(key)
                .query(String.class)
                .optional();
    }

    @Transactional
    public void put(String key, String value) {
        jdbc.sql("""
                        insert into platform_setting (key, value) values (?, ?)
                        on conflict (key) do update set value = excluded.value, updated_at = now()
                        """).params(key, value).update();
    }
}
