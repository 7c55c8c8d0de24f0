/**
 * The ICS transition aggregate: one ICS's milestone plan, the board of its ICS NHS body, its due diligence, its
 * constitution and MoU. They live in one aggregate because the derived milestones must complete in the same
 * decision as the facts they depend on (see docs/decisions).
 *
 * <p>The shape (ADR 0030): {@code IcsTransition} handles the commands and checks the rules that span its parts;
 * {@code MilestonePlan}, {@code Board}, {@code DueDiligence}, {@code Constitution} and the legislative gate are
 * aggregate members that source their own state from the events (no handler of the root only forwards); after any
 * command that changed something, the root's one command interceptor moves the derived milestones as
 * {@code DerivedMilestones} reads the facts.
 */
package uk.nhs.ics.transition.domain.ics;
