package cn.minzheng.platform.web;

import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form that comes back with its input: after a refused or invalid submission the page is shown again (post,
 * redirect, get) with the form object as typed, its field errors, the refusal as a global error, and the form opened
 * and scrolled to ({@code id="form-<key>"}).
 *
 * <pre>
 * if (result.hasErrors()) return FormFailure.back(redirect, "homeVisit", form, result, page);
 * try { … } catch (BusinessRuleViolation e) { return FormFailure.refused(redirect, "homeVisit", form, result, e, page); }
 * // on the page's GET: FormFailure.keep(model, "homeVisit", () -> HomeVisitForm.from(existing));
 * </pre>
 *
 * One form object may serve several forms on a page (the kernel's step forms share {@code actForm}): the key names
 * the form that is to come back open.
 */
public final class FormFailure {

    /** Model attribute naming the form to open on the page. */
    public static final String OPEN_FORM = "openForm";

    private FormFailure() {}

    public static String back(
            RedirectAttributes redirect, String name, Object form, BindingResult result, String page) {
        return back(redirect, name, form, result, page, name);
    }

    public static String back(
            RedirectAttributes redirect, String name, Object form, BindingResult result, String page, String key) {
        redirect.addFlashAttribute(name, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        redirect.addFlashAttribute(OPEN_FORM, key);
        return "redirect:" + page + "#form-" + key;
    }

    public static String refused(
            RedirectAttributes redirect,
            String name,
            Object form,
            BindingResult result,
            RuntimeException e,
            String page) {
        return refused(redirect, name, form, result, e, page, name);
    }

    public static String refused(
            RedirectAttributes redirect,
            String name,
            Object form,
            BindingResult result,
            RuntimeException e,
            String page,
            String key) {
        result.reject("refused", e.getMessage());
        // also at the top of the page, where a person looks first after submitting
        redirect.addFlashAttribute("problem", e.getMessage());
        return back(redirect, name, form, result, page, key);
    }

    /** Puts the form on the page unless a failed submission brought its own back. */
    public static void keep(Model model, String name, Supplier<Object> fresh) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, fresh.get());
        }
    }
}
