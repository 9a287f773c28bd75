package cn.minzheng.procedure;

import cn.minzheng.platform.PortalEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kernel on the public portal: the notices standing now (公示、结果公布). */
@Configuration(proxyBeanMethods = false)
class ProcedurePortalEntries {

    @Bean
    PortalEntry standingNotices() {
        return new PortalEntry(
                "公示公开", "公示公告", "正在公示期内的低保、特困等初审意见和审核确认结果；对公示内容有异议的，可在公示期内向街道社会救助窗口反映。", "/portal/notices", 30);
    }
}
