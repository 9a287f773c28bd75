package cn.minzheng.procedure;

import cn.minzheng.platform.web.ApiError;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 事项目录 over REST: every matter type with its steps, acting roles, time limits and legal basis (the citations
 * resolved), and declaring a new one (or a new version) from its YAML.
 */
@RestController
@RequestMapping("/api/v1/procedure/matter-types")
class MatterTypeApiController {

    private final MatterTypes matterTypes;
    private final LegalBasis legalBasis;

    MatterTypeApiController(MatterTypes matterTypes, LegalBasis legalBasis) {
        this.matterTypes = matterTypes;
        this.legalBasis = legalBasis;
    }

    /** A matter type as published: the declaration, and the texts of the articles it cites. */
    record Published(MatterType matterType, List<Citation> citations) {}

    @GetMapping
    List<Published> list() {
        return matterTypes.list().stream().map(this::published).toList();
    }

    @GetMapping("/{code}")
    Published one(@PathVariable String code) {
        return published(matterTypes.latest(code));
    }

    record Declaration(String definition) {}

    /** Declares a matter type from its YAML ({@code {"definition": "code: …"}}); 422 lists every problem. */
    @PostMapping
    Published declare(@RequestBody Declaration declaration) {
        return published(matterTypes.declare(declaration.definition()));
    }

    record Check(boolean ok, List<String> problems) {}

    @PostMapping("/check")
    Check check(@RequestBody Declaration declaration) {
        List<String> problems = matterTypes.check(declaration.definition());
        return new Check(problems.isEmpty(), problems);
    }

    @ExceptionHandler(MatterTypes.Rejected.class)
    ResponseEntity<ApiError> rejected(MatterTypes.Rejected e) {
        List<ApiError.FieldProblem> problems = e.problems().stream()
                .map(p -> new ApiError.FieldProblem("definition", p))
                .toList();
        return ResponseEntity.unprocessableContent()
                .body(new ApiError(422, "Unprocessable Content", e.getMessage(), null, problems));
    }

    private Published published(MatterType type) {
        return new Published(
                type,
                type.citedBases().stream()
                        .distinct()
                        .map(b -> legalBasis.find(b).orElse(null))
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }
}
