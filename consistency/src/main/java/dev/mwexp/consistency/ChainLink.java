package dev.mwexp.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a link check judges and which facts it needs, as Error Prone's {@code @BugPattern} says a
 * checker's name: the runner skips a check whose facts could not be read ({@code routing},
 * {@code zones}, {@code hiera}, {@code k8s:*}), so a part that is missing is reported once, as
 * MISSING or UNREADABLE, and never again as its knock-ons.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ChainLink {

  Link value();

  /** Parts of the trees the check reads (as {@link Facts#unread} names them). */
  String[] needs() default {};
}
