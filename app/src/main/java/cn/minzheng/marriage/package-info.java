/**
 * 婚姻登记: appointments at the district's registry office (bookable places per date, special dates, one active booking
 * per ID number), and the periods of divorce by agreement (离婚冷静期, 民法典 第一千零七十七条) on the platform's calendar.
 * Its API for other modules is none yet; its screens are under {@code /marriage} and {@code /portal/marriage}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "婚姻登记",
        allowedDependencies = {"shared", "platform", "audit", "calendar"})
package cn.minzheng.marriage;
