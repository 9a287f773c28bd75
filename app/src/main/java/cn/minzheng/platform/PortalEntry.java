package cn.minzheng.platform;

/**
 * A service the public portal's landing page offers (网上申请, 办理进度查询, 公示公告 …), contributed by the module that
 * provides it. Shown to everyone, without signing in.
 *
 * @param section 办事服务, 公示公开 …
 */
public record PortalEntry(String section, String title, String description, String link, int order) {}
