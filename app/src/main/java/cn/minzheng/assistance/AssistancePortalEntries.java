package cn.minzheng.assistance;

import cn.minzheng.platform.PortalEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Social assistance on the public portal: apply online, and follow one's application. */
@Configuration(proxyBeanMethods = false)
class AssistancePortalEntries {

    @Bean
    PortalEntry applyForAssistance() {
        return new PortalEntry(
                "办事服务", "网上申请社会救助", "最低生活保障、特困人员救助供养、临时救助：在网上提交基本情况，街道工作人员联系您核实并告知需要的材料。", "/portal/assistance", 10);
    }

    @Bean
    PortalEntry trackAssistance() {
        return new PortalEntry("办事服务", "查询办理进度", "凭申请时得到的受理编号和查询码，查看申请办到了哪一步、结果如何。", "/portal/assistance/track", 20);
    }
}
