package cn.minzheng.marriage.web;

import cn.minzheng.marriage.AppointmentDays;
import cn.minzheng.marriage.AppointmentState;
import cn.minzheng.marriage.Appointments;
import cn.minzheng.marriage.Booked;
import cn.minzheng.marriage.BookingRefused;
import cn.minzheng.marriage.BookingRequest;
import cn.minzheng.marriage.DivorcePeriods;
import cn.minzheng.marriage.PortalBookings;
import cn.minzheng.platform.web.ApiError;
import cn.minzheng.shared.BusinessRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 婚姻登记 API: the places of a date, bookings (staff and citizens alike), and the divorce periods. */
@RestController
@RequestMapping("/api/v1/marriage")
class MarriageApiController {

    private final AppointmentDays days;
    private final Appointments appointments;
    private final PortalBookings portal;
    private final DivorcePeriods divorcePeriods;

    MarriageApiController(
            AppointmentDays days, Appointments appointments, PortalBookings portal, DivorcePeriods divorcePeriods) {
        this.days = days;
        this.appointments = appointments;
        this.portal = portal;
        this.divorcePeriods = divorcePeriods;
    }

    record CapacityBody(Integer capacity, String note) {}

    record DayAnswer(LocalDate date, int capacity, int booked, int free) {

        static DayAnswer of(AppointmentDays.Day day) {
            return new DayAnswer(day.date(), day.capacity(), day.booked(), day.free());
        }
    }

    @PutMapping("/appointment-days/{date}")
    DayAnswer setCapacity(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody CapacityBody body,
            Authentication caller) {
        if (body == null || body.capacity() == null) {
            throw new BusinessRuleViolation("请填写名额 capacity（0 表示当日不开放预约）");
        }
        return DayAnswer.of(days.setCapacity(date, body.capacity(), body.note(), caller.getName()));
    }

    @GetMapping("/appointment-days")
    List<DayAnswer> days(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new BusinessRuleViolation("查询的日期范围须在一年以内，且结束日期不早于开始日期");
        }
        return days.between(from, to).stream().map(DayAnswer::of).toList();
    }

    /**
     * One endpoint for the counter and the portal: staff of the registry book at the counter; anyone else (no sign-in)
     * books as a citizen, within the portal's limit per client address.
     */
    @PostMapping("/appointments")
    ResponseEntity<Map<String, Object>> book(
            @RequestBody BookingRequest request, Authentication caller, HttpServletRequest http) {
        if (request == null) {
            throw new BusinessRuleViolation("请求内容为空");
        }
        Booked booked = isRegistryStaff(caller)
                ? appointments.book(request, Appointments.Channel.COUNTER, caller.getName())
                : portal.book(request, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", booked.id(), "code", booked.code()));
    }

    @GetMapping("/appointments")
    List<Appointments.Appointment> ofDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return appointments.ofDay(date);
    }

    record ClosureBody(AppointmentState outcome) {}

    @PostMapping("/appointments/{id}/closure")
    Map<String, String> close(@PathVariable long id, @RequestBody ClosureBody body, Authentication caller) {
        AppointmentState state = appointments.close(id, body == null ? null : body.outcome(), caller.getName());
        return Map.of("state", state.name());
    }

    @GetMapping("/divorce-periods")
    Map<String, String> divorcePeriods(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate received) {
        DivorcePeriods.Periods periods = divorcePeriods.from(received);
        return Map.of(
                "withdrawalEnds", periods.withdrawalEnds().toString(),
                "certificateRequestEnds", periods.certificateRequestEnds().toString());
    }

    @ExceptionHandler(BookingRefused.class)
    ResponseEntity<ApiError> refused(BookingRefused e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(409, "Conflict", e.getMessage()));
    }

    static boolean isRegistryStaff(Authentication caller) {
        return caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> a.equals("ROLE_DEPARTMENT_OFFICER") || a.equals("ROLE_DISTRICT_LEADER"));
    }
}
