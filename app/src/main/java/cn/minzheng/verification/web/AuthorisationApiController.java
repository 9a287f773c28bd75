package cn.minzheng.verification.web;

import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthorisationApiController {

    private final Authorisations authorisations;
    private final Clock clock;

    AuthorisationApiController(Authorisations authorisations, Clock clock) {
        this.authorisations = authorisations;
        this.clock = clock;
    }

    @GetMapping("/api/v1/verification/authorisations")
    List<Authorisation> ofResident(@RequestParam long resident) {
        return authorisations.ofResident(resident);
    }

    record NewAuthorisation(
            long residentId,
            Set<String> programmes,
            Authorisation.Signer signedBy,
            String proxyReason,
            LocalDate signedOn,
            LocalDate validFrom,
            LocalDate validTo,
            String documentSm3) {}

    @PostMapping("/api/v1/verification/authorisations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> record(@RequestBody NewAuthorisation body) {
        return Map.of(
                "id",
                authorisations.record(new Authorisations.NewAuthorisation(
                        body.residentId(),
                        body.programmes(),
                        body.signedBy(),
                        body.proxyReason(),
                        body.signedOn(),
                        body.validFrom(),
                        body.validTo(),
                        body.documentSm3())));
    }

    record Revocation(LocalDate on, String reason) {}

    @PostMapping("/api/v1/verification/authorisations/{id}/revocation")
    Map<String, String> revoke(@PathVariable long id, @RequestBody Revocation body) {
        authorisations.revoke(id, body.on(), body.reason());
        return Map.of("result", "ok");
    }

    @GetMapping("/api/v1/verification/households/{id}/authorisation-coverage")
    Authorisations.Coverage coverage(
            @PathVariable long id,
            @RequestParam(defaultValue = "DIBAO") String programme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return authorisations.coverage(id, programme, on == null ? LocalDate.now(clock) : on);
    }
}
