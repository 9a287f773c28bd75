package cn.minzheng.marriage;

/** A booking made: its id and the appointment code given to the couple. */
public record Booked(long id, String code) {}
