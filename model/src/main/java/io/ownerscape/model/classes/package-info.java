/**
 * Classes and autonomy (MODEL.md §7.11, "Classes", and §1.2's autonomy measure):
 * {@link io.ownerscape.model.classes.PersonClass} lists the classes in their precedence,
 * {@link io.ownerscape.model.classes.Classification} is the class rule and the precarity test on
 * the job history, {@link io.ownerscape.model.classes.Autonomy} a worker's autonomy (exit,
 * bargaining, protection, ownership) for the persons of the monthly sample. The review classifies every person with them in its pay pass (phase "pay and wealth",
 * which also moves each job history on a month) and again those its staffing decisions touched
 * (phase "staffing"); the class bytes and job histories are the columns this rule reads and the
 * review writes.
 */
package io.ownerscape.model.classes;
