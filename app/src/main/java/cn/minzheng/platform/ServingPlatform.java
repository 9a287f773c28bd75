package cn.minzheng.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Marks start-up work (reference data, bootstrap, demo district) that runs when the platform is served, and not when
 * the jar runs a command such as {@code audit-verify}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("'${minzheng.command:}' == ''")
public @interface ServingPlatform {}
