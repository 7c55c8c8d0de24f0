package uk.nhs.ics.transition.web.pages;

/** A page about an organisation the programme does not have (or did not know at the time asked for): 404. */
class PageNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PageNotFound(String what) {
        super(what);
    }
}
