package cn.minzheng;

import cn.minzheng.platform.backup.BackupCommands;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * 民政业务平台: the district civil affairs bureau's platform, a modular monolith.
 *
 * <p>{@code java -jar minzheng.jar} serves the platform; a first argument naming a command runs it against the same
 * database and exits: {@code audit-verify}, {@code migrate}, {@code payment-roll --programme DIBAO --period 2026-12
 * --key <idempotency key>}; {@code backup FILE} and {@code restore FILE} run without the application context.
 */
@SpringBootApplication
@EnableScheduling
public class MinzhengApplication {

    static final Set<String> COMMANDS = Set.of("audit-verify", "migrate", "payment-roll");

    public static void main(String[] args) {
        if (args.length > 0 && BackupCommands.handles(args[0])) {
            // backup and restore work on the data folder itself, without the application (issue 14 A3)
            System.exit(BackupCommands.run(args));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            SpringApplication application = new SpringApplication(MinzhengApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setDefaultProperties(Map.of("minzheng.command", args[0], "spring.main.banner-mode", "off"));
            System.exit(SpringApplication.exit(application.run(args)));
        }
        SpringApplication.run(MinzhengApplication.class, args);
    }
}
