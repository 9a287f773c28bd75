package cn.minzheng.platform.crypto;

import cn.minzheng.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to run with a field key other than the one the database was written with: a lost or replaced key file would
 * otherwise make the platform write values that the old ones can no longer be compared with (blind indexes) and fail
 * on every read of the old ones. The database keeps only the key's fingerprint.
 */
@Component
@Order(1)
class FieldKeyCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FieldKeyCheck.class);
    static final String SETTING = "crypto.field-key.fingerprint";

    private final FieldKey key;
    private final PlatformSettings settings;

    FieldKeyCheck(FieldKey key, PlatformSettings settings) {
        this.key = key;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String recorded = settings.get(SETTING).orElse(null);
        if (recorded == null) {
            settings.put(SETTING, key.fingerprint());
            log.info("字段加密密钥已启用（指纹 {}，来源 {}）", key.fingerprint(), key.source());
            return;
        }
        if (!recorded.equals(key.fingerprint())) {
            throw new IllegalStateException("字段加密密钥与数据库不匹配：数据库由指纹为 " + recorded + " 的密钥写入，当前密钥（来源 " + key.source()
                    + "）的指纹为 " + key.fingerprint() + "。请恢复原密钥文件 " + FieldKey.FILE + " 或原 MINZHENG_FIELD_KEY。");
        }
    }
}
