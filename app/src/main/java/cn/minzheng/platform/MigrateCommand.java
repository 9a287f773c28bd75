package cn.minzheng.platform;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar minzheng.jar migrate}: brings the database schema up to date (Flyway ran at start-up) and exits. */
@Component
@ConditionalOnProperty(name = "minzheng.command", havingValue = "migrate")
class MigrateCommand implements ApplicationRunner {

    @Override
    public void run(ApplicationArguments args) {
        System.out.println("数据库结构已是最新版本");
    }
}
