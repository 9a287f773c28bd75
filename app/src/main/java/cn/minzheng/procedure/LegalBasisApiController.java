package cn.minzheng.procedure;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 法律依据目录 over REST: search by title or text, read a document with its articles, add documents and articles. */
@RestController
@RequestMapping("/api/v1/legal-basis")
class LegalBasisApiController {

    private final LegalBasis legalBasis;

    LegalBasisApiController(LegalBasis legalBasis) {
        this.legalBasis = legalBasis;
    }

    @GetMapping
    List<LegalBasis.Document> search(@RequestParam(required = false) String q) {
        return legalBasis.search(q);
    }

    @GetMapping("/{code}")
    LegalBasis.Document document(@PathVariable String code) {
        return legalBasis.document(code).orElseThrow(() -> new cn.minzheng.shared.NotFound("法律依据目录中没有 " + code));
    }

    @PostMapping
    LegalBasis.Document add(@RequestBody LegalBasis.NewDocument document) {
        return legalBasis.addDocument(document);
    }

    @PostMapping("/{code}/articles")
    LegalBasis.Document addArticle(@PathVariable String code, @RequestBody LegalBasis.NewArticle article) {
        return legalBasis.addArticle(code, article);
    }
}
