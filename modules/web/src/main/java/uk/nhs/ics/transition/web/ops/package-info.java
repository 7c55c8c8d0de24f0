/** Operations: each projection's position, lag and replay progress; replays; dead letters. */
package uk.nhs.ics.transition.web.ops;
