package cn.minzheng.procedure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A reference into the legal-basis catalogue: a document code and, usually, an article ({@code SHJZ_ZXBF} /
 * {@code 9}). Matter types, parameters and decisions cite through it; {@link LegalBasis#cite} resolves it to text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Basis(String document, String article) {

    public Basis {
        Objects.requireNonNull(document, "document");
        if (article != null && article.isBlank()) {
            article = null;
        }
    }

    public static Basis of(String document, String article) {
        return new Basis(document, article);
    }

    @Override
    public String toString() {
        return article == null ? document : document + "/" + article;
    }
}
