package cn.minzheng.platform.crypto;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    FieldKey fieldKey(@Value("${minzheng.field-key:}") String configured, @Value("${minzheng.data-dir}") Path dataDir) {
        return FieldKey.load(configured, dataDir.toAbsolutePath().normalize());
    }
}
