package cn.minzheng.identity;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityMenu {

    @Bean
    MenuEntry staffDirectoryMenuEntry() {
        return MenuEntry.of(BusinessLine.WORKBENCH, "通讯录", "/staff", 50);
    }

    @Bean
    MenuEntry accountsMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "账号管理", "/accounts", 10, "SYSTEM_ADMIN", "SECURITY_ADMIN");
    }

    @Bean
    MenuEntry passwordMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "修改密码", "/account/password", 99);
    }

    @Bean
    MenuEntry passwordResetsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.SYSTEM,
                "密码发放",
                "/password-resets",
                20,
                "DISTRICT_LEADER",
                "SECURITY_ADMIN",
                "SYSTEM_ADMIN");
    }

    @Bean
    MenuEntry secondFactorMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "动态口令", SecondFactorController.ENROL_PAGE, 97);
    }

    @Bean
    MenuEntry tokensMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "我的API令牌", "/account/tokens", 98);
    }

    @Bean
    HomeFigure staffCount(StaffDirectory directory) {
        return new HomeFigure() {
            public String label() {
                return "工作人员";
            }

            public String unit() {
                return "人";
            }

            public long value() {
                return directory.count();
            }

            public String link() {
                return "/staff";
            }

            public int order() {
                return 20;
            }
        };
    }
}
