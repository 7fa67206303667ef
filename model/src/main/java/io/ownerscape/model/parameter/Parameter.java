package io.ownerscape.model.parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of a model parameter, written on the record component that holds it. The
 * scenario key is the component's name in snake_case ({@code ownerShare} is {@code owner_share});
 * its type is the component's ({@code double}, {@code int} or {@code boolean}).
 *
 * <p>Everything else that names the parameter is derived from this: the presets' values
 * ({@link ParameterSet#preset}), range checks and their messages ({@link ParameterSet#violations}),
 * the policy keys platforms and schedules may change, and the documents generated from it. Checks
 * that relate several parameters in ways a range cannot say stay in the record's
 * {@code violations()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Parameter {
    /** The section of {@code docs/MODEL.md} that states the rule using it, for example {@code "7.11"}. */
    String section();

    /** What the parameter means, one sentence or two, in the words of the model description. */
    String meaning();

    /**
     * The unit of its value: for example {@code "share"}, {@code "probability per month"},
     * {@code "months of mean pay"}; empty for a switch or a pure number.
     */
    String unit() default "";

    /**
     * The values allowed, in the syntax of {@link AllowedRange}: closed ranges {@code "0 to 120"},
     * intervals {@code "(0, 1]"}, bounds at another key {@code "forecast_months to 600"}, single
     * values with their meaning {@code "0 (no hierarchy)"}, alternatives joined by {@code " or "};
     * empty for a switch ({@code true} or {@code false}).
     */
    String range() default "";

    /** Its value in the {@code axtell} preset (and every preset built on it), as written in a scenario. */
    String axtell();

    /** Its value in the {@code market} preset and the presets built on it; empty for the same as {@link #axtell}. */
    String market() default "";

    /**
     * Whether a ruling platform, a policy schedule or a change during a run may set it: the state's
     * instruments and the constitutional rule on suspending elections. Every other parameter shapes
     * the world itself and is fixed for a run.
     */
    boolean policy() default false;

    /** The symbol of MODEL.md's equations, if it has one. */
    String symbol() default "";

    /** Where the market default comes from: a source, or how it was calibrated. */
    String source() default "";
}
