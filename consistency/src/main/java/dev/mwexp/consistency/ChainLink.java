package dev.mwexp.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a link check judges and which facts it needs, as Error Prone's {@code @BugPattern} names a
 * checker: the runner skips a check whose facts could not be read ({@code routing},
 * {@code zones}, {@code hiera}, {@code k8s:*}), so a part that is missing is reported once, as
 * MISSING or UNREADABLE, and never again as its knock-ons.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ChainLink {

  /** The link's id: a built-in {@link Link}'s, or a new one's. */
  String value();

  /** What a new link means (a built-in one's description is its constant's). */
  String summary() default "";

  /** Parts of the trees the check reads (as {@link Facts#unread} names them). */
  String[] needs() default {};

  /**
   * Sources of the facts the check reads beyond the chain's own ({@link Facts#get}). The check runs
   * only when every one found its part of the trees.
   */
  Class<? extends FactsSource<?>>[] reads() default {};
}
