/**
 * Four eyes over HTTP: the actions that need a second person wait as approvals ({@link
 * uk.nhs.ics.transition.web.approval.FourEyes}), which another person lists, approves or rejects ({@link
 * uk.nhs.ics.transition.web.approval.ApprovalsController}).
 */
package uk.nhs.ics.transition.web.approval;
