/**
 * CSV answers for lists and readiness summaries ({@code Accept: text/csv}), written so that Excel and LibreOffice open
 * them safely: UTF-8 with a byte-order mark, RFC 4180 quoting and line ends, and text that could start a formula
 * neutralised.
 */
package uk.nhs.ics.transition.web.csv;
