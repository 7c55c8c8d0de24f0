/**
 * Four eyes: a request for an action that assures rather than records waits, as an approval of its own, for a second
 * person to approve or reject it; nobody decides their own request, nor one that expired, was decided or superseded.
 */
package uk.nhs.ics.transition.domain.approval;
