/** The national programme: the baseline in force, the Bill's stages, re-baselining. */
package uk.nhs.ics.transition.web.programme;
