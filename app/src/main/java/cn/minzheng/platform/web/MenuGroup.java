package cn.minzheng.platform.web;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.MenuEntry;
import java.util.List;

public record MenuGroup(BusinessLine line, List<MenuEntry> entries) {}
