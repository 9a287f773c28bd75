package cn.minzheng.platform.web;

import java.util.List;

/** What the top bar shows about the signed-in user. */
public record CurrentUserView(String username, String displayName, List<String> roleLabels, String scopeName) {}
