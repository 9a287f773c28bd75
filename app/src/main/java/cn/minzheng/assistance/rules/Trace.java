package cn.minzheng.assistance.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a result was reached, step by step, each step with the article it applies: what is shown to the applicant and
 * an auditor as "why", and what a re-computation must reproduce.
 */
public final class Trace {

    /** One step: what was decided or computed, its value, and its legal basis. */
    public record Step(String what, String value, String basis) {}

    private final List<Step> steps = new ArrayList<>();

    public Trace add(String what, Object value, String basis) {
        steps.add(new Step(what, String.valueOf(value), basis));
        return this;
    }

    public Trace addAll(Trace other) {
        steps.addAll(other.steps);
        return this;
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            out.append(step.what()).append("：").append(step.value());
            if (step.basis() != null) {
                out.append("（").append(step.basis()).append("）");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
