package cn.minzheng.platform.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What error pages and JSON errors outside the REST controllers show: the status, a Chinese message and a support id
 * — never an exception message or a stack trace. Server errors are logged with the same support id.
 */
@Component
class PlatformErrorAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(PlatformErrorAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String supportId = SupportIds.next();
        attributes.put("supportId", supportId);
        attributes.put("message", messageFor(status, supportId));
        attributes.put("advice", adviceFor(status));
        attributes.remove("trace");
        attributes.remove("exception");
        attributes.remove("errors");
        if (status >= 500) {
            Throwable error = getError(request);
            log.error("请求出错 {} [supportId={}]", attributes.get("path"), supportId, error);
        }
        return attributes;
    }

    /** What the person can do next, in a sentence. */
    static String adviceFor(int status) {
        return switch (status) {
            case 401 -> "请重新登录后再继续办理。";
            case 403 -> "如果您刚才提交了表单，可能是页面停留过久：请返回上一页，刷新后重试。如果您的工作需要此权限，请联系本单位的安全管理员。";
            case 404 -> "请从左侧菜单或列表重新进入；如果是别人发给您的链接，请确认该记录属于您的辖区。";
            case 413 -> "请压缩文件或分成几个文件后重新上传。";
            case 422 -> "请返回上一页，按提示修改后重试。";
            case 429 -> "请等待几分钟后再试。";
            default -> status >= 500 ? "请稍后重试；如果问题仍然存在，请把支持编号告诉技术支持人员。" : "请返回上一页重试。";
        };
    }

    static String messageFor(int status, String supportId) {
        return switch (status) {
            case 400 -> "请求有误，请检查后重试。";
            case 401 -> "请先登录。";
            case 403 -> "您没有权限访问此页面或执行此操作。";
            case 404 -> "您要找的页面或记录不存在，或不在您的数据范围内。";
            case 405 -> "不支持此请求方式。";
            case 413 -> "上传的文件超过大小限制。";
            case 422 -> "请求不符合业务规则。";
            case 429 -> "请求过于频繁，请稍后再试。";
            default -> status >= 500 ? "系统内部错误，请联系技术支持并提供编号 " + supportId + "。" : "请求未能完成。";
        };
    }
}
