/**
 * The domain of the transition: the aggregates that decide what may happen and the rules they enforce.
 *
 * <p>One aggregate per ICS transition (its milestones, board, due diligence, constitution and MoU), one per CCG
 * (its transfer scheme), one for the national programme (the Bill's progress and the baselines) and one per region.
 * Facts one aggregate needs from another travel by events, relayed as commands ({@code relay}). Nothing here reads a
 * clock but the injected {@link java.time.Clock}, and nothing knows of HTTP or of how events are stored.
 */
package uk.nhs.ics.transition.domain;
