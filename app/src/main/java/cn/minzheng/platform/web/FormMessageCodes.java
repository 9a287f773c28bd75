package cn.minzheng.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The codes of form-binding errors ({@code typeMismatch}, {@code NotBlank}, …) carry the module prefix like every other
 * message key, so that their Chinese words live in {@code i18n/platform.properties} as {@code platform.typeMismatch…}.
 */
@Configuration(proxyBeanMethods = false)
class FormMessageCodes implements WebMvcConfigurer {

    @Override
    public MessageCodesResolver getMessageCodesResolver() {
        DefaultMessageCodesResolver resolver = new DefaultMessageCodesResolver();
        resolver.setPrefix("platform.");
        return resolver;
    }
}
