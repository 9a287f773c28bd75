package cn.minzheng.procedure;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 参数登记表 over REST: values as of a date, history, proposals and their approval. */
@RestController
@RequestMapping("/api/v1/procedure")
class ParameterApiController {

    private final Parameters parameters;
    private final java.time.Clock clock;

    ParameterApiController(Parameters parameters, java.time.Clock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    @GetMapping("/parameters")
    List<Parameters.Overview> overview() {
        return parameters.overview();
    }

    @GetMapping("/parameters/{code}")
    Parameters.History history(@PathVariable String code) {
        return parameters.history(code);
    }

    /** The value in force on {@code asOf} (default today) for a unit (default the district). */
    @GetMapping("/parameters/{code}/value")
    ParameterValue value(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String unit) {
        parameters.history(code); // 404 for an unknown code, and the caller must be signed in
        return parameters.valueAsOf(code, unit == null ? "610113" : unit, asOf == null ? LocalDate.now(clock) : asOf);
    }

    @PostMapping("/parameters/{code}/values")
    ParameterValue propose(@PathVariable String code, @RequestBody Parameters.Proposal proposal) {
        return parameters.propose(code, proposal);
    }

    record Approval(Boolean approve, String note) {}

    @PostMapping("/parameter-values/{id}/approval")
    ParameterValue decide(@PathVariable long id, @RequestBody Approval approval) {
        return Boolean.TRUE.equals(approval.approve())
                ? parameters.approve(id, approval.note())
                : parameters.refuse(id, approval.note());
    }
}
