package uk.nhs.ics.transition.web.pages;

/** A page the signed-in person's roles and scopes do not let them see: 403. */
class PageForbidden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PageForbidden(String what) {
        super(what);
    }
}
