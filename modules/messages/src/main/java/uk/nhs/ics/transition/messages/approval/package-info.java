/**
 * Four eyes: actions that assure rather than record wait for a second person. A request for one is an approval of its
 * own, with the exact command it will carry out once approved.
 */
package uk.nhs.ics.transition.messages.approval;
