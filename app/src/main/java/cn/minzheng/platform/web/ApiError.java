package cn.minzheng.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer of the REST API: a Chinese message, and a support id for server errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String supportId, List<FieldProblem> errors) {

    public record FieldProblem(String field, String message) {}

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null, null);
    }
}
