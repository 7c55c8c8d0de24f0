/** Messages of the national programme: the legislative milestones of the Bill and the baselines of the timetable. */
package uk.nhs.ics.transition.messages.programme;
