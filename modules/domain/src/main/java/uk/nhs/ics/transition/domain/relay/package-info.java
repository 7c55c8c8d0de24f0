/**
 * Facts one aggregate needs from another travel here, as commands sent in the system's name: the Bill's progress
 * and the establishment date from the national programme to every ICS and CCG; an agreed transfer scheme to the
 * ICSs it sends to; a designate chief executive to the CCGs whose schemes they agree.
 *
 * <p>The relays run in their own processing group, never replay (a replay must not repeat side effects), and send
 * commands the receiving aggregates treat idempotently: a fact heard twice changes nothing.
 */
package uk.nhs.ics.transition.domain.relay;
