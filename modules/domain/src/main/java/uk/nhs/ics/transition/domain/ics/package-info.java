/**
 * The ICS transition aggregate: one ICS's milestone plan, the board of its ICS NHS body, its due diligence, its
 * constitution and MoU. They live in one aggregate because the derived milestones must complete in the same
 * decision as the facts they depend on (see docs/decisions).
 */
package uk.nhs.ics.transition.domain.ics;
