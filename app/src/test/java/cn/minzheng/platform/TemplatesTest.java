package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Keeps the templates and the message files in step, and the templates within the content security policy. */
class TemplatesTest {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)}");

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    private Properties messages() throws IOException {
        Properties all = new Properties();
        for (Resource file : resolver.getResources("classpath*:i18n/*.properties")) {
            try (InputStream in = file.getInputStream()) {
                all.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    private List<Resource> templates() throws IOException {
        return List.of(resolver.getResources("classpath*:templates/**/*.html"));
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Properties messages = messages();
        List<String> missing = new ArrayList<>();
        for (Resource template : templates()) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher matcher = MESSAGE_KEY.matcher(html);
            while (matcher.find()) {
                if (!messages.containsKey(matcher.group(1))) {
                    missing.add(template.getFilename() + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageKeyCarriesItsModulePrefix() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Resource file : resolver.getResources("classpath*:i18n/*.properties")) {
            String module = file.getFilename().replace(".properties", "");
            Properties properties = new Properties();
            try (InputStream in = file.getInputStream()) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            properties.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith(module + ".") && !key.startsWith("audit.action."))
                    .forEach(key -> wrong.add(file.getFilename() + ": " + key));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noInlineStylesOrScriptsWhichTheContentSecurityPolicyWouldBlock() throws IOException {
        List<String> inline = new ArrayList<>();
        Pattern style = Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);
        Pattern script = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
        for (Resource template : templates()) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            if (style.matcher(html).find()
                    || script.matcher(html).find()
                    || handler.matcher(html).find()) {
                inline.add(template.getURL().getPath().replaceAll(".*/templates/", ""));
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void everyPageDeclaresChinese() throws IOException {
        List<String> without = new ArrayList<>();
        for (Resource template : templates()) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            if (html.contains("<html") && !html.contains("lang=\"zh-CN\"")) {
                without.add(template.getFilename());
            }
        }
        assertThat(without).isEmpty();
    }
}
