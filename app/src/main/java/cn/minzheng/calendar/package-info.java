/**
 * 工作日历: statutory holidays and make-up working days (调休), and the deadline arithmetic every statutory time limit
 * uses. New years' arrangements are imported as data; a deadline that would run into a year the calendar does not know
 * is refused, never guessed.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "工作日历",
        allowedDependencies = {"shared", "platform", "audit"})
package cn.minzheng.calendar;
