/**
 * Operations over HTTP: each projection's position, lag and replay progress; replays; dead letters. The work is the
 * application's ({@link uk.nhs.ics.transition.web.ops.ProjectionOperations} is what this layer asks of it).
 */
package uk.nhs.ics.transition.web.ops;
