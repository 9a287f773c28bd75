package cn.minzheng.marriage;

import java.time.LocalDate;

/** A request for an appointment, from the portal or the counter. */
public record BookingRequest(LocalDate date, AppointmentKind type, Party partyA, Party partyB) {}
