package cn.minzheng.marriage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry office's parameters. The legal ages are statute (民法典 第一千零四十七条) but marked unverified in the
 * domain spec, so they are parameters like the local figures.
 *
 * @param releaseDays how many days ahead a date can be booked (the day itself counts as day 0)
 * @param workingDayCapacity places of an ordinary working day until staff set the date's capacity ([U], local)
 * @param minimumAgeMan 男不得早于二十二周岁
 * @param minimumAgeWoman 女不得早于二十周岁
 * @param portalBookingsPerAddress bookings one client address may make from the portal in {@code portalWindowMinutes}
 */
@ConfigurationProperties("minzheng.marriage")
record MarriageSettings(
        @DefaultValue("90") int releaseDays,
        @DefaultValue("40") int workingDayCapacity,
        @DefaultValue("22") int minimumAgeMan,
        @DefaultValue("20") int minimumAgeWoman,
        @DefaultValue("10") int portalBookingsPerAddress,
        @DefaultValue("60") int portalWindowMinutes) {}
