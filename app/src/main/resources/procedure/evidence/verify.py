#!/usr/bin/env python3
# 民政业务平台 · 执法全过程记录证据包离线校验（无需联网、无需平台）。
# Offline verification of a Minzheng evidence package. Needs Python 3.6+ with an OpenSSL that provides SM3
# (OpenSSL 1.1.1 or 3.x: hashlib.new("sm3")).
#
#   python3 verify.py 证据包.zip
#
# Checks: (1) every file listed in manifest.json has the SM3 hash and size recorded there; (2) the audit entries in
# audit/entries.json form an unbroken SM3 hash chain (hash = SM3(previous hash || canonical entry)); (3) the last entry
# is the export of this package and names the SM3 of manifest.json. Exit code 0 when everything holds, 2 otherwise.
import hashlib
import json
import struct
import sys
import zipfile


def sm3(data):
    h = hashlib.new("sm3")
    h.update(data)
    return h.hexdigest()


def field(value):
    if value is None:
        return struct.pack(">i", -1)
    raw = value.encode("utf-8")
    return struct.pack(">i", len(raw)) + raw


def canonical(e):
    parts = [str(e["seq"]), str(e["occurredAtMicros"]), e["actor"], e["action"], e.get("targetType"),
             e.get("targetId"), e.get("actorScope"), e["result"], e.get("reason"), e.get("clientAddress")]
    return b"".join(field(p) for p in parts)


def main(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        manifest_bytes = z.read("manifest.json")
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        manifest_sm3 = sm3(manifest_bytes)
        for f in manifest["files"]:
            data = z.read(f["path"])
            if sm3(data) != f["sm3"] or len(data) != f["size"]:
                problems.append("文件与清单不符: " + f["path"])
        entries = json.loads(z.read("audit/entries.json").decode("utf-8"))["entries"]
    previous = None
    for e in entries:
        if previous is not None:
            if e["seq"] != previous["seq"] + 1:
                problems.append("审计记录不连续: 第 %d 条之后是第 %d 条" % (previous["seq"], e["seq"]))
            if e["prevHash"] != previous["hash"]:
                problems.append("第 %d 条的前一哈希不符" % e["seq"])
        expected = sm3(bytes.fromhex(e["prevHash"]) + canonical(e))
        if expected != e["hash"]:
            problems.append("第 %d 条记录与其哈希不符" % e["seq"])
        previous = e
    if not entries:
        problems.append("没有审计记录")
    else:
        last = entries[-1]
        if last["action"] != "EVIDENCE_EXPORTED" or last.get("targetId") != str(manifest["caseId"]):
            problems.append("最后一条审计记录不是本证据包的导出记录")
        elif manifest_sm3 not in (last.get("reason") or ""):
            problems.append("导出记录中的清单哈希与 manifest.json 不符")
    if problems:
        for p in problems:
            print("✗ " + p)
        return 2
    print("✓ 证据包完整：%d 个文件与清单一致；审计记录第 %d–%d 条哈希链完整；导出记录第 %d 条（%s）载明清单哈希 %s。"
          % (len(manifest["files"]), entries[0]["seq"], entries[-1]["seq"], entries[-1]["seq"], entries[-1]["hash"],
             manifest_sm3))
    print("  如需确认这些记录仍在平台的审计链中，请审计管理员核对第 %d 条记录的哈希。" % entries[-1]["seq"])
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("用法: python3 verify.py 证据包.zip")
        sys.exit(1)
    sys.exit(main(sys.argv[1]))
