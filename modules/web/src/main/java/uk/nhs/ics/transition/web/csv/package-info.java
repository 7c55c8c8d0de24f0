/**
 * CSV answers for lists and readiness summaries ({@code Accept: text/csv}), written so that Excel and LibreOffice open
 * them safely: UTF-8 with a byte-order mark, RFC 4180 quoting and line ends, and text that could start a formula
 * neutralised.
 *
 * <p>One writer, {@code CsvWriter} (over Commons CSV), writes every CSV the service serves: the converter's answers,
 * the audit export, an evidence pack's transfers and the pages' downloads. What a list's rows become is declared per
 * row type in {@code CsvTables} (ADR 0031); answers that are not lists say so themselves ({@code CsvView}).
 */
package uk.nhs.ics.transition.web.csv;
