/**
 * The service in a browser, for regional oversight teams, the national team and auditors: server-rendered pages
 * (Spring MVC and Thymeleaf, no script) over the same queries the API reads, with the same roles and scopes, a
 * session of their own (the API stays stateless), a strict Content-Security-Policy, and every table downloadable as
 * CSV. See ADRs 0017 to 0020.
 */
package uk.nhs.ics.transition.web.pages;
