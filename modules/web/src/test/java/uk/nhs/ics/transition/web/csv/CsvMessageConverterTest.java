package uk.nhs.ics.transition.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.domain.readiness.Rating;
import uk.nhs.ics.transition.domain.readiness.RatingRule;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.MilestoneKind;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.reference.RegionSummary;
import uk.nhs.ics.transition.projections.transfer.CcgSummary;
import uk.nhs.ics.transition.web.WebConfiguration;
import uk.nhs.ics.transition.web.reference.ReferenceDataController.RegionWithRatings;

/**
 * The CSV answers: each table the API serves ({@link CsvTables}) and how its rows read, the spreadsheet safety that
 * lets regional teams open them in Excel or LibreOffice (byte-order mark, CRLF, quoting, formula neutralisation,
 * non-ASCII), and that JSON stays the default while {@code Accept: text/csv} gets CSV.
 */
class CsvMessageConverterTest {

    private static final String BOM = "\uFEFF";

    private final CsvMessageConverter converter = new CsvMessageConverter();

    // ---------------------------------------------------------------- the tables

    static Stream<CsvTable<?>> tables() {
        return Stream.of(
                CsvTables.AUDIT_EVENTS,
                CsvTables.HISTORY,
                CsvTables.REGIONS,
                CsvTables.SYSTEMS,
                CsvTables.CCGS,
                CsvTables.OVERDUE,
                CsvTables.MILESTONES);
    }

    /**
     * A table names every field of its rows, in their order (a nested record by dotted columns, a map by keyed ones):
     * a field added to an answer without a column fails here, rather than going missing from the spreadsheet.
     */
    @ParameterizedTest
    @MethodSource("tables")
    void a_table_has_a_column_for_every_field_of_its_rows_in_order(CsvTable<?> table) {
        List<String> fields = Arrays.stream(table.rowType().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        List<String> written = new ArrayList<>(new LinkedHashSet<>(table.columns().stream()
                .map(column -> column.contains(".") ? column.substring(0, column.indexOf('.')) : column)
                .toList()));
        List<String> keyed = new ArrayList<>(fields);
        keyed.removeAll(written);

        assertThat(keyed)
                .as("fields without a column of their own are maps, written one column per key")
                .allSatisfy(field -> assertThat(Map.class.isAssignableFrom(componentType(table, field)))
                        .as(field)
                        .isTrue());
        assertThat(fields.stream().filter(written::contains).toList()).isEqualTo(written);
    }

    @Test
    void a_page_of_overdue_milestones_writes_dates_as_iso_and_counts_as_numbers() throws IOException {
        Page<OverdueMilestone> page = new Page<>(
                List.of(new OverdueMilestone(
                        "QE1",
                        "Lancashire and South Cumbria",
                        "Y62",
                        "Q1-01",
                        "Designate chair",
                        Quarter.Q1,
                        LocalDate.of(2021, 6, 30),
                        12,
                        MilestoneStatus.IN_PROGRESS)),
                0,
                50,
                1);

        assertThat(csv(page))
                .isEqualTo(
                        "icsCode,icsName,regionCode,milestone,title,quarter,dueDate,daysOverdue,status\r\n"
                                + "QE1,Lancashire and South Cumbria,Y62,Q1-01,Designate chair,Q1,2021-06-30,12,IN_PROGRESS\r\n");
    }

    @Test
    void the_systems_have_one_column_per_quarter_rated_and_rows_with_different_quarters_line_up() throws IOException {
        Map<String, Rating> first = new LinkedHashMap<>();
        first.put("Q1", Rating.GREEN);
        first.put("Q2", Rating.AMBER);
        Map<String, Rating> second = new LinkedHashMap<>();
        second.put("Q1", Rating.RED);
        second.put("EST", Rating.GREEN);
        Page<IcsRating> page = new Page<>(
                List.of(
                        new IcsRating("QE1", "Lancashire and South Cumbria", "Y62", Rating.AMBER, first, 10, 20, 50, 1),
                        new IcsRating("QKS", "Kent and Medway", "Y59", Rating.RED, second, 5, 20, 25, 3)),
                0,
                50,
                2);

        assertThat(lines(csv(page)))
                .containsExactly(
                        "code,name,regionCode,overallRating,ratingsByQuarter.Q1,ratingsByQuarter.Q2,"
                                + "ratingsByQuarter.EST,milestonesComplete,milestonesTotal,percentComplete,overdueCount",
                        "QE1,Lancashire and South Cumbria,Y62,AMBER,GREEN,AMBER,,10,20,50,1",
                        "QKS,Kent and Medway,Y59,RED,RED,,GREEN,5,20,25,3");
    }

    @Test
    void the_regions_count_their_systems_by_rating_in_dotted_columns_left_empty_when_not_counted() throws IOException {
        Page<RegionWithRatings> page = new Page<>(
                List.of(
                        new RegionWithRatings("Y56", "London", 5, new RatingCounts(3, 1, 1)),
                        new RegionWithRatings("Y59", "South East", 6, null)),
                0,
                50,
                2);

        assertThat(csv(page))
                .isEqualTo("code,name,icsCount,ratings.green,ratings.amber,ratings.red\r\n"
                        + "Y56,London,5,3,1,1\r\n"
                        + "Y59,South East,6,,,\r\n");
    }

    @Test
    void a_milestone_view_writes_its_evidence_as_readable_text_not_java_to_string() throws IOException {
        MilestoneView milestone = new MilestoneView(
                "Q1-01",
                Quarter.Q1,
                "Designate chair",
                "A designate chair is appointed",
                MilestoneKind.MANUAL,
                null,
                LocalDate.of(2021, 6, 30),
                MilestoneStatus.COMPLETE,
                Rating.GREEN,
                RatingRule.COMPLETE_ON_TIME,
                false,
                false,
                LocalDate.of(2021, 6, 1),
                List.of(new Evidence("DOC-1", "Board minutes"), new Evidence("DOC-2", "Letter")),
                null,
                null);

        List<String> lines = lines(csv(new Page<>(List.of(milestone), 0, 50, 1)));

        assertThat(lines.get(0))
                .isEqualTo(
                        "code,quarter,title,requirement,kind,completingFacts,dueDate,status,rating,ratingRule,completeLate,"
                                + "overdue,completedOn,evidence,atRiskReason,note");
        assertThat(lines.get(1))
                .isEqualTo("Q1-01,Q1,Designate chair,A designate chair is appointed,MANUAL,,2021-06-30,COMPLETE,"
                        + "GREEN,COMPLETE_ON_TIME,false,false,2021-06-01,"
                        + "\"reference=DOC-1, description=Board minutes | reference=DOC-2, description=Letter\",,")
                .doesNotContain("Evidence[");
    }

    @Test
    void a_single_row_and_a_list_of_rows_are_tables_too() throws IOException {
        CcgSummary ccg = new CcgSummary("01W", "NHS Stockport CCG", "QOP", SchemeStatus.DRAFT, null);

        assertThat(csv(ccg))
                .isEqualTo("code,name,icsCode,schemeStatus,abolishedOn\r\n01W,NHS Stockport CCG,QOP,DRAFT,\r\n");
        assertThat(csv(List.of(ccg, ccg))).endsWith("DRAFT,\r\n01W,NHS Stockport CCG,QOP,DRAFT,\r\n");
    }

    @Test
    void a_csv_view_is_written_by_its_own_header_and_rows() throws IOException {
        CsvView view = view(
                List.of("region", "green", "due", "note"),
                List.of(
                        List.of("Y56", 5, LocalDate.of(2022, 4, 1), "=SUM(A1)"),
                        Arrays.<Object>asList("Y59", -3, LocalDate.of(2022, 7, 1), null)));

        assertThat(csv(view))
                .isEqualTo("region,green,due,note\r\nY56,5,2022-04-01,'=SUM(A1)\r\nY59,-3,2022-07-01,\r\n");
    }

    @Test
    void dates_enums_booleans_decimals_lists_and_empty_values_are_written_plainly() throws IOException {
        CsvView view = view(
                List.of("day", "at", "rating", "flag", "amount", "ratio", "big", "note", "tags"),
                List.of(Arrays.<Object>asList(
                        LocalDate.of(2022, 7, 1),
                        Instant.parse("2022-07-01T09:30:00Z"),
                        Rating.RED,
                        true,
                        new BigDecimal("1E+3"),
                        0.25,
                        null,
                        Optional.empty(),
                        List.of("board", 2))));

        assertThat(csv(view))
                .isEqualTo("day,at,rating,flag,amount,ratio,big,note,tags\r\n"
                        + "2022-07-01,2022-07-01T09:30:00Z,RED,true,1000,0.25,,,board; 2\r\n");
    }

    @Test
    void an_empty_page_still_has_its_header_when_the_row_type_is_known_without_its_keyed_columns() throws IOException {
        Type type =
                ResolvableType.forClassWithGenerics(Page.class, IcsRating.class).getType();

        assertThat(csv(new Page<IcsRating>(List.of(), 0, 50, 0), type))
                .isEqualTo("code,name,regionCode,overallRating,milestonesComplete,milestonesTotal,percentComplete,"
                        + "overdueCount\r\n");
        assertThat(CsvMessageConverter.columns(ResolvableType.forType(type)))
                .containsExactly(
                        "code",
                        "name",
                        "regionCode",
                        "overallRating",
                        "milestonesComplete",
                        "milestonesTotal",
                        "percentComplete",
                        "overdueCount");
    }

    @Test
    void an_empty_page_of_unknown_row_type_is_the_byte_order_mark_alone() throws IOException {
        MockHttpOutputMessage message = new MockHttpOutputMessage();

        converter.write(new Page<>(List.of(), 0, 50, 0), null, message);

        assertThat(message.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(BOM);
    }

    @Test
    void rows_without_a_table_are_not_csv() {
        Type regions = ResolvableType.forClassWithGenerics(Page.class, RegionSummary.class)
                .getType();
        Type systems =
                ResolvableType.forClassWithGenerics(Page.class, IcsRating.class).getType();

        assertThat(converter.canWrite(regions, Page.class, MediaType.parseMediaType("text/csv")))
                .isFalse();
        assertThat(converter.canWrite(systems, Page.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(RegionSummary.class, MediaType.parseMediaType("text/csv")))
                .isFalse();
    }

    // ---------------------------------------------------------------- spreadsheet safety

    @Test
    void the_body_starts_with_a_utf8_byte_order_mark() throws IOException {
        MockHttpOutputMessage message =
                write(new CcgSummary("01W", "Stockport", "QOP", SchemeStatus.DRAFT, null), null);

        byte[] body = message.getBodyAsBytes();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith(BOM + "code,");
    }

    @Test
    void every_row_ends_with_crlf_and_no_bare_line_feed_separates_rows() throws IOException {
        String body = csv(List.of(
                new CcgSummary("01W", "Stockport", "QOP", SchemeStatus.DRAFT, null),
                new CcgSummary("02A", "Trafford", "QOP", SchemeStatus.AGREED, null)));

        assertThat(body).endsWith("\r\n");
        assertThat(body.split("\r\n", -1)).hasSize(4);
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void fields_with_a_comma_quote_or_line_break_are_quoted_with_inner_quotes_doubled() throws IOException {
        CsvView view = view(
                List.of("comma", "quote", "lineFeed", "carriageReturn", "plain"),
                List.of(List.of(
                        "Tameside, Glossop", "the \"designate\" chair", "line one\nline two", "a\rb", "plain")));

        assertThat(csv(view))
                .isEqualTo(
                        "comma,quote,lineFeed,carriageReturn,plain\r\n"
                                + "\"Tameside, Glossop\",\"the \"\"designate\"\" chair\",\"line one\nline two\",\"a\rb\",plain\r\n");
    }

    @Test
    void text_that_could_start_a_formula_is_prefixed_with_a_single_quote() throws IOException {
        CsvView view = view(
                List.of("equals", "plus", "minus", "at", "tab", "cr", "numberAsText", "fullWidth"),
                List.of(List.of(
                        "=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "-12500", "\uFF1D1")));

        assertThat(csv(view))
                .isEqualTo("equals,plus,minus,at,tab,cr,numberAsText,fullWidth\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-1+2,'@SUM(A1),'\tx,\"'\rx\",'-12500,'\uFF1D1\r\n");
    }

    @Test
    void negative_numbers_are_written_as_numbers_and_not_neutralised() throws IOException {
        CsvView view = view(
                List.of("pounds", "days", "delta", "ratio"),
                List.of(List.of(-12500L, -3, new BigDecimal("-0.50"), -1.5)));

        assertThat(csv(view)).isEqualTo("pounds,days,delta,ratio\r\n-12500,-3,-0.50,-1.5\r\n");
    }

    @Test
    void header_cells_are_neutralised_too_keyed_ones_included() throws IOException {
        Map<String, Rating> byQuarter = Map.of("=cmd", Rating.GREEN);
        IcsRating rating = new IcsRating("QE1", "Lancashire", "Y62", Rating.GREEN, byQuarter, 1, 1, 100, 0);

        assertThat(lines(csv(List.of(rating))).get(0)).contains(",ratingsByQuarter.=cmd,");
        assertThat(csv(view(List.of("=cmd"), List.of(List.of(1))))).isEqualTo("'=cmd\r\n1\r\n");
    }

    @Test
    void what_a_spreadsheet_reads_back_is_what_was_written() throws IOException {
        List<Object> awkward =
                List.of("Tameside, Glossop", "the \"designate\" chair", "two\r\nlines", "#1", " padded ", "ünïcödé");
        String body = csv(view(List.of("a", "b", "c", "d", "e", "f"), List.of(awkward)));

        try (CSVParser parser = CSVParser.parse(body, CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(1).toList()).isEqualTo(awkward);
        }
    }

    @Test
    void non_ascii_text_survives_in_utf8() throws IOException {
        MockHttpOutputMessage message = write(
                List.of(new CcgSummary(
                        "01W", "Glossop – Tameside and Glossop CCG ünïcödé", "QOP", SchemeStatus.DRAFT, null)),
                null);

        assertThat(message.getBodyAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "code,name,icsCode,schemeStatus,abolishedOn\r\n"
                        + "01W,Glossop – Tameside and Glossop CCG ünïcödé,QOP,DRAFT,\r\n");
        assertThat(message.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    // ---------------------------------------------------------------- as a Spring converter

    @Test
    void the_content_type_is_text_csv_in_utf8_whatever_charset_was_asked_for() throws IOException {
        MockHttpOutputMessage message = new MockHttpOutputMessage();

        converter.write(
                new CcgSummary("01W", "Stockport", "QOP", SchemeStatus.DRAFT, null),
                MediaType.parseMediaType("text/csv;charset=ISO-8859-1"),
                message);

        assertThat(message.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @Test
    void it_writes_tables_pages_lists_and_csv_views_but_never_reads() {
        assertThat(converter.canWrite(Page.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(CcgSummary.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(List.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(CsvView.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(String.class, MediaType.parseMediaType("text/csv")))
                .isFalse();
        assertThat(converter.canWrite(Page.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canRead(Page.class, MediaType.parseMediaType("text/csv")))
                .isFalse();
        assertThat(converter.canRead((Type) Page.class, null, MediaType.parseMediaType("text/csv")))
                .isFalse();
        assertThatThrownBy(() -> converter.read(Page.class, new MockHttpInputMessage(new byte[0])))
                .isInstanceOf(HttpMessageNotReadableException.class);
    }

    @Test
    void json_stays_the_default_and_accept_text_csv_gets_csv_with_the_header_of_an_empty_page() throws Exception {
        List<HttpMessageConverter<?>> converters = new ArrayList<>();
        converters.add(new MappingJackson2HttpMessageConverter());
        new WebConfiguration(null, null).extendMessageConverters(converters);
        assertThat(converters.get(converters.size() - 1)).isInstanceOf(CsvMessageConverter.class);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Lists())
                .setMessageConverters(converters.toArray(HttpMessageConverter[]::new))
                .build();

        mvc.perform(get("/ccgs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].code").value("01W"));
        mvc.perform(get("/ccgs").accept(MediaType.ALL))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        MvcResult ccgs = mvc.perform(get("/ccgs").accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn();
        assertThat(ccgs.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "code,name,icsCode,schemeStatus,abolishedOn\r\n01W,Stockport,QOP,DRAFT,\r\n");
        MvcResult systems = mvc.perform(get("/systems").accept("text/csv")).andReturn();
        assertThat(systems.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "code,name,regionCode,overallRating,milestonesComplete,milestonesTotal,"
                        + "percentComplete,overdueCount\r\n");
        mvc.perform(get("/regions").accept("text/csv")).andExpect(status().isNotAcceptable());
    }

    /** A controller answering pages, as the real ones do. */
    @RestController
    static class Lists {

        @GetMapping("/ccgs")
        Page<CcgSummary> ccgs() {
            return new Page<>(List.of(new CcgSummary("01W", "Stockport", "QOP", SchemeStatus.DRAFT, null)), 0, 50, 1);
        }

        @GetMapping("/systems")
        Page<IcsRating> systems() {
            return new Page<>(List.of(), 0, 50, 0);
        }

        @GetMapping("/regions")
        Page<RegionSummary> regions() {
            return new Page<>(List.of(new RegionSummary("Y56", "London", 5)), 0, 50, 1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Class<?> componentType(CsvTable<?> table, String field) {
        return Arrays.stream(table.rowType().getRecordComponents())
                .filter(c -> c.getName().equals(field))
                .findFirst()
                .orElseThrow()
                .getType();
    }

    private static CsvView view(List<String> header, List<List<Object>> rows) {
        return CsvView.of(header, rows);
    }

    private MockHttpOutputMessage write(Object body, Type type) throws IOException {
        MockHttpOutputMessage message = new MockHttpOutputMessage();
        converter.write(body, type, null, message);
        return message;
    }

    /** The body without its byte-order mark, which must be there. */
    private String csv(Object body) throws IOException {
        return csv(body, null);
    }

    private String csv(Object body, Type type) throws IOException {
        String text = write(body, type).getBodyAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(BOM);
        return text.substring(BOM.length());
    }

    private static List<String> lines(String body) {
        return List.of(body.split("\r\n"));
    }
}
