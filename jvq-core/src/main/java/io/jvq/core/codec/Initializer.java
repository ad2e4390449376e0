package io.jvq.core.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that fills a reusable view before anything reads it: the codec calls it before it
 * hands the view to a sink, so the fields it sets count as set (NullAway reads any annotation of this name).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@interface Initializer {
}
