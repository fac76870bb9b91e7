package dev.interlock.broker.internal;

import java.util.Optional;

/**
 * One HAL link: where it points (maybe a template, maybe relative to the document) and its name
 * ({@code pb:record-deployment} links are named after environments) and title.
 */
public record HalLink(
    String relation, String href, Optional<String> name, Optional<String> title) {}
