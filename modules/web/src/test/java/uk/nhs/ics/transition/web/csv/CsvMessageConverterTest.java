package uk.nhs.ics.transition.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.readiness.RegionReadiness;
import uk.nhs.ics.transition.projections.reference.IcsSummary;
import uk.nhs.ics.transition.projections.reference.RegionSummary;
import uk.nhs.ics.transition.web.WebConfiguration;

/**
 * The CSV answers: how pages, records, maps, lists and {@link CsvView}s become rows, the spreadsheet safety that lets
 * regional teams open them in Excel or LibreOffice (byte-order mark, CRLF, quoting, formula neutralisation, non-ASCII),
 * and that JSON stays the default while {@code Accept: text/csv} gets CSV.
 */
class CsvMessageConverterTest {

    private static final String BOM = "\uFEFF";

    private final CsvMessageConverter converter = new CsvMessageConverter();

    // ---------------------------------------------------------------- shapes

    @Test
    void a_page_of_flat_records_is_a_header_and_one_row_per_item() throws IOException {
        Page<RegionSummary> page = new Page<>(
                List.of(new RegionSummary("Y56", "London", 5), new RegionSummary("Y59", "South East", 6)), 0, 50, 2);

        assertThat(csv(page)).isEqualTo("code,name,icsCount\r\n" + "Y56,London,5\r\n" + "Y59,South East,6\r\n");
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
                        "Q1",
                        LocalDate.of(2021, 6, 30),
                        12,
                        "IN_PROGRESS")),
                0,
                50,
                1);

        assertThat(csv(page))
                .isEqualTo(
                        "icsCode,icsName,regionCode,milestone,title,quarter,dueDate,daysOverdue,status\r\n"
                                + "QE1,Lancashire and South Cumbria,Y62,Q1-01,Designate chair,Q1,2021-06-30,12,IN_PROGRESS\r\n");
    }

    @Test
    void nested_records_become_dotted_columns_and_maps_one_column_per_key() throws IOException {
        Page<RegionReadiness.SystemReadiness> page = new Page<>(List.of(systemReadiness()), 0, 50, 1);

        List<String> lines = lines(csv(page));
        String overdueText = "icsCode=QE1, icsName=Lancashire and South Cumbria, regionCode=Y62, milestone=Q2-03,"
                + " title=Constitution, quarter=Q2, dueDate=2021-09-30, daysOverdue=5, status=IN_PROGRESS";

        assertThat(lines.get(0))
                .isEqualTo("rating.code,rating.name,rating.regionCode,rating.overallRating,"
                        + "rating.ratingsByQuarter.Q1,rating.ratingsByQuarter.Q2,rating.ratingsByQuarter.EST,"
                        + "rating.milestonesComplete,rating.milestonesTotal,rating.percentComplete,"
                        + "rating.overdueCount,overdue");
        assertThat(lines.get(1))
                .isEqualTo("QE1,Lancashire and South Cumbria,Y62,AMBER,GREEN,AMBER,GREEN,10,20,50,1,\"" + overdueText
                        + " | " + overdueText + "\"");
    }

    @Test
    void maps_of_records_flatten_to_key_then_component_and_lists_of_records_stay_in_one_readable_cell()
            throws IOException {
        Map<String, RatingCounts> byQuarter = new LinkedHashMap<>();
        byQuarter.put("Q1", new RatingCounts(40, 2, 0));
        byQuarter.put("EST", new RatingCounts(30, 10, 2));
        NationalReadiness national = new NationalReadiness(
                LocalDate.of(2021, 7, 1),
                null,
                2,
                LocalDate.of(2022, 7, 1),
                42,
                new RatingCounts(30, 10, 2),
                byQuarter,
                List.of(
                        new NationalReadiness.RegionCounts("Y56", "London", new RatingCounts(5, 0, 0), 0),
                        new NationalReadiness.RegionCounts("Y59", "South East", new RatingCounts(4, 1, 1), 3)),
                7);

        List<String> lines = lines(csv(national));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo("at,asOf,baselineNumber,establishmentDate,systems,overall.green,overall.amber,overall.red,"
                        + "byQuarter.Q1.green,byQuarter.Q1.amber,byQuarter.Q1.red,"
                        + "byQuarter.EST.green,byQuarter.EST.amber,byQuarter.EST.red,byRegion,overdueMilestones");
        assertThat(lines.get(1))
                .isEqualTo("2021-07-01,,2,2022-07-01,42,30,10,2,40,2,0,30,10,2,"
                        + "\"regionCode=Y56, name=London, counts.green=5, counts.amber=0, counts.red=0,"
                        + " overdueMilestones=0 | regionCode=Y59, name=South East, counts.green=4, counts.amber=1,"
                        + " counts.red=1, overdueMilestones=3\",7");
    }

    @Test
    void lists_of_simple_values_are_joined_with_semicolons() throws IOException {
        record Tagged(String code, List<String> tags, List<Integer> scores) {}

        assertThat(csv(new Tagged("QE1", List.of("board", "constitution"), List.of(1, -2))))
                .isEqualTo("code,tags,scores\r\nQE1,board; constitution,1; -2\r\n");
    }

    @Test
    void a_milestone_view_writes_its_evidence_as_readable_text_not_java_to_string() throws IOException {
        MilestoneView milestone = new MilestoneView(
                "Q1-01",
                "Q1",
                "Designate chair",
                "A designate chair is appointed",
                "MANUAL",
                null,
                LocalDate.of(2021, 6, 30),
                "COMPLETE",
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
    void items_whose_maps_have_different_keys_line_up_under_one_header() throws IOException {
        record Row(String code, Map<String, Integer> counts, String note) {}
        Map<String, Integer> first = new LinkedHashMap<>();
        first.put("Q1", 1);
        Map<String, Integer> second = new LinkedHashMap<>();
        second.put("Q1", 2);
        second.put("Q2", 3);

        assertThat(csv(List.of(new Row("A", first, "x"), new Row("B", second, "y"))))
                .isEqualTo("code,counts.Q1,counts.Q2,note\r\nA,1,,x\r\nB,2,3,y\r\n");
    }

    @Test
    void a_single_record_is_a_header_and_one_row() throws IOException {
        assertThat(csv(new IcsSummary("QE1", "Lancashire and South Cumbria", "Y62", "North West")))
                .isEqualTo("code,name,regionCode,regionName\r\nQE1,Lancashire and South Cumbria,Y62,North West\r\n");
    }

    @Test
    void a_list_of_records_is_a_header_and_one_row_per_element() throws IOException {
        assertThat(csv(List.of(new RegionSummary("Y56", "London", 5), new RegionSummary("Y58", "South West", 7))))
                .isEqualTo("code,name,icsCount\r\nY56,London,5\r\nY58,South West,7\r\n");
    }

    @Test
    void a_csv_view_is_written_by_its_own_header_and_rows() throws IOException {
        CsvView view = new CsvView() {
            @Override
            public List<String> csvHeader() {
                return List.of("region", "green", "due", "note");
            }

            @Override
            public List<List<Object>> csvRows() {
                List<Object> withNull = new ArrayList<>();
                withNull.add("Y59");
                withNull.add(-3);
                withNull.add(LocalDate.of(2022, 7, 1));
                withNull.add(null);
                return List.of(List.of("Y56", 5, LocalDate.of(2022, 4, 1), "=SUM(A1)"), withNull);
            }
        };

        assertThat(csv(view))
                .isEqualTo("region,green,due,note\r\nY56,5,2022-04-01,'=SUM(A1)\r\nY59,-3,2022-07-01,\r\n");
    }

    @Test
    void empty_values_are_empty_cells_and_a_null_nested_record_keeps_its_columns() throws IOException {
        record Holder(String name, RatingCounts counts, List<String> tags, Optional<String> note, Instant at) {}

        assertThat(csv(new Holder(null, null, List.of(), Optional.empty(), null)))
                .isEqualTo("name,counts.green,counts.amber,counts.red,tags,note,at\r\n,,,,,,\r\n");
    }

    @Test
    void dates_enums_booleans_and_decimals_are_written_plainly() throws IOException {
        record Values(
                LocalDate day, Instant at, Rating rating, boolean flag, BigDecimal amount, double ratio, Long big) {}

        assertThat(csv(new Values(
                        LocalDate.of(2022, 7, 1),
                        Instant.parse("2022-07-01T09:30:00Z"),
                        Rating.RED,
                        true,
                        new BigDecimal("1E+3"),
                        0.25,
                        null)))
                .isEqualTo(
                        "day,at,rating,flag,amount,ratio,big\r\n2022-07-01,2022-07-01T09:30:00Z,RED,true,1000,0.25,\r\n");
    }

    @Test
    void an_empty_page_still_has_its_header_when_the_item_type_is_known() throws IOException {
        Type type =
                ResolvableType.forClassWithGenerics(Page.class, IcsRating.class).getType();

        assertThat(csv(new Page<IcsRating>(List.of(), 0, 50, 0), type))
                .isEqualTo("code,name,regionCode,overallRating,milestonesComplete,milestonesTotal,percentComplete,"
                        + "overdueCount\r\n");
    }

    @Test
    void an_empty_page_of_unknown_item_type_is_the_byte_order_mark_alone() throws IOException {
        MockHttpOutputMessage message = new MockHttpOutputMessage();

        converter.write(new Page<>(List.of(), 0, 50, 0), null, message);

        assertThat(message.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo(BOM);
    }

    // ---------------------------------------------------------------- spreadsheet safety

    @Test
    void the_body_starts_with_a_utf8_byte_order_mark() throws IOException {
        MockHttpOutputMessage message = write(new RegionSummary("Y56", "London", 5), null);

        byte[] body = message.getBodyAsBytes();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith(BOM + "code,");
    }

    @Test
    void every_row_ends_with_crlf_and_no_bare_line_feed_separates_rows() throws IOException {
        String body = csv(new Page<>(
                List.of(new RegionSummary("Y56", "London", 5), new RegionSummary("Y59", "South East", 6)), 0, 50, 2));

        assertThat(body).endsWith("\r\n");
        assertThat(body.split("\r\n", -1)).hasSize(4);
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void fields_with_a_comma_quote_or_line_break_are_quoted_with_inner_quotes_doubled() throws IOException {
        record Texts(String comma, String quote, String lineFeed, String carriageReturn, String plain) {}

        assertThat(csv(new Texts(
                        "Tameside, Glossop", "the \"designate\" chair", "line one\nline two", "a\rb", "plain")))
                .isEqualTo(
                        "comma,quote,lineFeed,carriageReturn,plain\r\n"
                                + "\"Tameside, Glossop\",\"the \"\"designate\"\" chair\",\"line one\nline two\",\"a\rb\",plain\r\n");
    }

    @Test
    void text_that_could_start_a_formula_is_prefixed_with_a_single_quote() throws IOException {
        record Texts(String equals, String plus, String minus, String at, String tab, String cr, String numberAsText) {}

        assertThat(csv(new Texts("=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "-12500")))
                .isEqualTo("equals,plus,minus,at,tab,cr,numberAsText\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-1+2,'@SUM(A1),'\tx,\"'\rx\",'-12500\r\n");
    }

    @Test
    void negative_numbers_are_written_as_numbers_and_not_neutralised() throws IOException {
        record Amounts(long pounds, int days, BigDecimal delta, double ratio) {}

        assertThat(csv(new Amounts(-12500, -3, new BigDecimal("-0.50"), -1.5)))
                .isEqualTo("pounds,days,delta,ratio\r\n-12500,-3,-0.50,-1.5\r\n");
    }

    @Test
    void header_cells_from_map_keys_are_neutralised_too() throws IOException {
        record Keyed(Map<String, Integer> counts) {}

        assertThat(csv(new Keyed(Map.of("=cmd", 1)))).isEqualTo("counts.=cmd\r\n1\r\n");
        assertThat(csv(List.of(Map.of("=cmd", 1)))).isEqualTo("'=cmd\r\n1\r\n");
    }

    @Test
    void non_ascii_text_survives_in_utf8() throws IOException {
        MockHttpOutputMessage message =
                write(List.of(new IcsSummary("01W", "Glossop – Tameside and Glossop CCG", "Y62", "ünïcödé")), null);

        assertThat(message.getBodyAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "code,name,regionCode,regionName\r\n"
                        + "01W,Glossop – Tameside and Glossop CCG,Y62,ünïcödé\r\n");
        assertThat(message.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    // ---------------------------------------------------------------- as a Spring converter

    @Test
    void the_content_type_is_text_csv_in_utf8_whatever_charset_was_asked_for() throws IOException {
        MockHttpOutputMessage message = new MockHttpOutputMessage();

        converter.write(
                new RegionSummary("Y56", "London", 5),
                MediaType.parseMediaType("text/csv;charset=ISO-8859-1"),
                message);

        assertThat(message.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @Test
    void it_writes_records_pages_lists_and_csv_views_but_never_reads() {
        assertThat(converter.canWrite(Page.class, MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(converter.canWrite(RegionSummary.class, MediaType.parseMediaType("text/csv")))
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

        mvc.perform(get("/regions"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].code").value("Y56"));
        mvc.perform(get("/regions").accept(MediaType.ALL))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        MvcResult regions = mvc.perform(get("/regions").accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn();
        assertThat(regions.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "code,name,icsCount\r\nY56,London,5\r\n");
        MvcResult systems = mvc.perform(get("/systems").accept("text/csv")).andReturn();
        assertThat(systems.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(BOM + "code,name,regionCode,regionName\r\n");
    }

    /** A controller answering pages, as the real ones do. */
    @RestController
    static class Lists {

        @GetMapping("/regions")
        Page<RegionSummary> regions() {
            return new Page<>(List.of(new RegionSummary("Y56", "London", 5)), 0, 50, 1);
        }

        @GetMapping("/systems")
        Page<IcsSummary> systems() {
            return new Page<>(List.of(), 0, 50, 0);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static RegionReadiness.SystemReadiness systemReadiness() {
        Map<String, Rating> byQuarter = new LinkedHashMap<>();
        byQuarter.put("Q1", Rating.GREEN);
        byQuarter.put("Q2", Rating.AMBER);
        byQuarter.put("EST", Rating.GREEN);
        IcsRating rating =
                new IcsRating("QE1", "Lancashire and South Cumbria", "Y62", Rating.AMBER, byQuarter, 10, 20, 50, 1);
        OverdueMilestone overdue = new OverdueMilestone(
                "QE1",
                "Lancashire and South Cumbria",
                "Y62",
                "Q2-03",
                "Constitution",
                "Q2",
                LocalDate.of(2021, 9, 30),
                5,
                "IN_PROGRESS");
        return new RegionReadiness.SystemReadiness(rating, List.of(overdue, overdue));
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
