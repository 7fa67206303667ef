/**
 * Where every parameter of the model is declared, once: a {@link io.ownerscape.model.parameter.Parameter}
 * annotation on the record component that the rules read (name from the component, type from its
 * Java type, unit, default per base preset, allowed range, meaning, source, and whether a platform
 * may change it). {@link io.ownerscape.model.parameter.ParameterSet} reads the declarations of one
 * record type and derives from them the presets' values, range checks with their messages, the
 * policy keys, parsing of {@code --set} values and the generated documents
 * ({@code docs/reference.yaml}, {@code docs/PARAMETERS.md}, the key tables of {@code docs/MODEL.md},
 * the dashboard's levers). Adding a parameter touches its declaration and the rule that uses it.
 */
package io.ownerscape.model.parameter;
