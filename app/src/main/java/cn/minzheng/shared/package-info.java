/**
 * 共享值类型: value types shared by every module (data scope, region codes, money, identifiers). No behaviour that
 * needs the database or Spring beans lives here.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "共享值类型",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.minzheng.shared;
