#!/usr/bin/env python3
"""Prints p50/p95/p99 per request type from a Gatling report (its js/stats.js), the newest under load/target/gatling."""
import glob
import os
import re
import sys

reports = sorted(glob.glob(os.path.join(sys.argv[1] if len(sys.argv) > 1 else "load/target/gatling", "*/js/stats.js")),
                 key=os.path.getmtime)
if not reports:
    sys.exit("没有找到 Gatling 报告")
text = open(reports[-1], encoding="utf-8").read()


def total(block, key):
    m = re.search(r'"%s":\s*\{\s*"total":\s*"([^"]*)"' % key, block)
    return m.group(1) if m else "-"


rows = []
for m in re.finditer(r'stats:\s*\{\s*"name":\s*"([^"]+)"(.*?)"group4"', text, re.S):
    name, block = m.group(1), m.group(2)
    rows.append((name, total(block, "numberOfRequests"), re.search(r'"ko":\s*"([^"]*)"', block).group(1),
                 total(block, "percentiles1"), total(block, "percentiles2"), total(block, "percentiles3"),
                 total(block, "maxResponseTime")))
print("%-12s %8s %6s %8s %8s %8s %8s" % ("请求", "次数", "失败", "p50 ms", "p95 ms", "p99 ms", "最长 ms"))
for r in rows:
    print("%-12s %8s %6s %8s %8s %8s %8s" % r)
print("报告：" + os.path.dirname(os.path.dirname(reports[-1])) + "/index.html")
