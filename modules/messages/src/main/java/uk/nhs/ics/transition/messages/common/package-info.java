/**
 * Value types shared by every message (codes, money, dates of the programme), the stable error codes a refusal
 * carries, and the metadata keys that carry the actor and request of every change.
 */
package uk.nhs.ics.transition.messages.common;
