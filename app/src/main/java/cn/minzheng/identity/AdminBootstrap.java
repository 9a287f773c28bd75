package cn.minzheng.identity;

import cn.minzheng.platform.District;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No default passwords: on first start (no system administrator yet) creates {@code admin} with the password from
 * MINZHENG_ADMIN_PASSWORD, or a generated one printed once on the console — never written to the log files — and to be
 * changed at first login.
 */
@Component
@Order(20)
@ServingPlatform
class AdminBootstrap implements ApplicationRunner {

    private final AccountManagement management;
    private final District district;
    private final String configuredPassword;

    AdminBootstrap(
            AccountManagement management,
            District district,
            @Value("${minzheng.admin-password:}") String configuredPassword) {
        this.management = management;
        this.district = district;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(district.scope(), this::createAdministratorIfMissing, "SYSTEM_ADMIN");
    }

    void createAdministratorIfMissing() {
        if (management.anyAccountWith(Role.SYSTEM_ADMIN)) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? TemporaryPasswords.generate() : configuredPassword;
        List<String> problems = management.passwordProblems("admin", password);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("MINZHENG_ADMIN_PASSWORD 不符合密码规则：" + String.join("；", problems));
        }
        management.provision(
                List.of(new AccountManagement.Provisioned(
                        "admin", "系统管理员", district.code(), Set.of(Role.SYSTEM_ADMIN))),
                password,
                generated);
        if (generated) {
            System.out.println();
            System.out.println("================================================================");
            System.out.println(" 首次启动：已创建系统管理员账号 admin");
            System.out.println(" 初始密码（仅显示这一次，首次登录后须修改）： " + password);
            System.out.println("================================================================");
            System.out.println();
        } else {
            System.out.println("首次启动：已创建系统管理员账号 admin（密码取自 MINZHENG_ADMIN_PASSWORD）");
        }
    }
}
