package cn.minzheng.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its UI texts in {@code i18n/<module>.properties} (UTF-8, keys prefixed with the module name); all
 * of them are found on the classpath, so a new module needs no central registration.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    static String[] basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            return Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(name -> name != null && !name.contains("_"))
                    .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
