/**
 * The messages of the transition: commands, events and the value types they carry.
 *
 * <p>This module is the contract between the domain, the read side, the audit trail and the web layer, so it is
 * plain Java: records validated in their constructors, Jackson annotations only where a value type serialises
 * as a single JSON value, and Axon's routing annotations. Events hold business facts only; time, actor and request
 * travel in the message's timestamp and metadata (see {@link uk.nhs.ics.transition.messages.common.MetadataKeys}).
 */
package uk.nhs.ics.transition.messages;
