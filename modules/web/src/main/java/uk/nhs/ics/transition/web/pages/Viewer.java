package uk.nhs.ics.transition.web.pages;

import java.util.List;

/**
 * The signed-in person as the pages' header shows them: who, in which capacity, and where they can go.
 *
 * @param name their display name
 * @param capacity their roles and scopes in words, e.g. "Regional oversight: South East"
 * @param home the page they start on
 * @param places the pages the header links to
 * @param signedIn whether they signed in here (and can sign out), rather than sent a bearer token
 */
public record Viewer(String name, String capacity, String home, List<Link> places, boolean signedIn) {

    /** A link of the header. */
    public record Link(String label, String href) {}
}
