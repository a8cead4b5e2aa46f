package dev.teardown.app;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the origin {@link dev.teardown.ports.out.TeardownStatusSource} (the HTTP one, or a fake), the
 * innermost one that every {@link StatusSourceDecorator} wraps.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface Upstream {
}
