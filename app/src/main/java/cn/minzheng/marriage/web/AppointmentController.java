package cn.minzheng.marriage.web;

import cn.minzheng.marriage.AppointmentDays;
import cn.minzheng.marriage.AppointmentKind;
import cn.minzheng.marriage.AppointmentState;
import cn.minzheng.marriage.Appointments;
import cn.minzheng.marriage.Booked;
import cn.minzheng.marriage.BookingRefused;
import cn.minzheng.marriage.BookingRequest;
import cn.minzheng.marriage.Party;
import cn.minzheng.platform.Display;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registry's screens for appointments: the places of the coming dates, and the bookings of one date. */
@Controller
@PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
class AppointmentController {

    private final AppointmentDays days;
    private final Appointments appointments;
    private final Clock clock;

    AppointmentController(AppointmentDays days, Appointments appointments, Clock clock) {
        this.days = days;
        this.appointments = appointments;
        this.clock = clock;
    }

    @GetMapping("/marriage/appointments")
    String days(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("days", days.between(today, today.plusDays(90)));
        model.addAttribute("today", today);
        return "marriage/appointment-days";
    }

    @PostMapping("/marriage/appointment-days")
    String setCapacity(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer capacity,
            @RequestParam(required = false) String note,
            Authentication caller,
            RedirectAttributes redirect) {
        try {
            if (capacity == null) {
                throw new BusinessRuleViolation("请填写名额（0 表示当日不开放预约）");
            }
            AppointmentDays.Day day = days.setCapacity(date, capacity, note, caller.getName());
            redirect.addFlashAttribute("notice", Display.date(day.date()) + "的名额已设为 " + day.capacity() + " 个");
        } catch (BusinessRuleViolation | BookingRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("entered", new Entered(date, capacity, note));
        }
        return "redirect:/marriage/appointments";
    }

    /** What was typed into the capacity form, shown again after a refusal. */
    record Entered(LocalDate date, Integer capacity, String note) implements java.io.Serializable {}

    @GetMapping("/marriage/appointments/{date}")
    String day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        model.addAttribute("date", date);
        model.addAttribute("dateText", Display.date(date));
        model.addAttribute("day", days.between(date, date).get(0));
        model.addAttribute("appointments", appointments.ofDay(date));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("kinds", AppointmentKind.values());
        return "marriage/appointment-day";
    }

    /** A booking at the counter; the form keeps what was typed when it is refused. */
    @PostMapping("/marriage/appointments")
    String book(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) AppointmentKind type,
            @RequestParam(required = false) String nameA,
            @RequestParam(required = false) String idA,
            @RequestParam(required = false) String nameB,
            @RequestParam(required = false) String idB,
            Authentication caller,
            RedirectAttributes redirect) {
        try {
            Booked booked = appointments.book(
                    new BookingRequest(date, type, new Party(nameA, idA), new Party(nameB, idB)),
                    Appointments.Channel.COUNTER,
                    caller.getName());
            redirect.addFlashAttribute("notice", "已预约，预约号 " + booked.code() + "，请告知当事人");
        } catch (BusinessRuleViolation | BookingRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("booking", new CounterBooking(type, nameA, idA, nameB, idB));
        }
        return "redirect:/marriage/appointments/" + date;
    }

    /** What was typed into the counter booking form. */
    record CounterBooking(AppointmentKind type, String nameA, String idA, String nameB, String idB)
            implements java.io.Serializable {}

    @PostMapping("/marriage/appointments/{id}/closure")
    String close(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) AppointmentState outcome,
            Authentication caller,
            RedirectAttributes redirect) {
        try {
            AppointmentState state = appointments.close(id, outcome, caller.getName());
            redirect.addFlashAttribute("notice", "已登记：" + state.label());
        } catch (BusinessRuleViolation | NotFound e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/marriage/appointments/" + date;
    }
}
