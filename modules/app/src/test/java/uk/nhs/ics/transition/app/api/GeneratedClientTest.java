package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.client.ApiClient;
import uk.nhs.ics.transition.client.ApiException;
import uk.nhs.ics.transition.client.api.ApprovalsApi;
import uk.nhs.ics.transition.client.api.AuditApi;
import uk.nhs.ics.transition.client.api.BoardApi;
import uk.nhs.ics.transition.client.api.CcgTransferSchemesApi;
import uk.nhs.ics.transition.client.api.ConstitutionAndMoUApi;
import uk.nhs.ics.transition.client.api.DevelopmentTokensApi;
import uk.nhs.ics.transition.client.api.DueDiligenceApi;
import uk.nhs.ics.transition.client.api.MilestonesApi;
import uk.nhs.ics.transition.client.api.OperationsApi;
import uk.nhs.ics.transition.client.api.ProgrammeApi;
import uk.nhs.ics.transition.client.api.ReadinessApi;
import uk.nhs.ics.transition.client.api.ReferenceDataApi;
import uk.nhs.ics.transition.client.api.SystemsApi;
import uk.nhs.ics.transition.client.model.AssuranceComment;
import uk.nhs.ics.transition.client.model.AuditEvent;
import uk.nhs.ics.transition.client.model.BoardGapPlan;
import uk.nhs.ics.transition.client.model.CandidateWithdrawal;
import uk.nhs.ics.transition.client.model.ConstitutionComments;
import uk.nhs.ics.transition.client.model.ConstitutionDraft;
import uk.nhs.ics.transition.client.model.ConstitutionSubmission;
import uk.nhs.ics.transition.client.model.DevTokenRequest;
import uk.nhs.ics.transition.client.model.DueDiligenceAssessment;
import uk.nhs.ics.transition.client.model.DueDiligenceItemRequest;
import uk.nhs.ics.transition.client.model.DueDiligenceSignOff;
import uk.nhs.ics.transition.client.model.EvidenceItem;
import uk.nhs.ics.transition.client.model.LegislativeMilestoneRequest;
import uk.nhs.ics.transition.client.model.MilestoneCompletion;
import uk.nhs.ics.transition.client.model.MilestoneReason;
import uk.nhs.ics.transition.client.model.MilestoneView;
import uk.nhs.ics.transition.client.model.MouDraft;
import uk.nhs.ics.transition.client.model.PreferredCandidate;
import uk.nhs.ics.transition.client.model.Problem;
import uk.nhs.ics.transition.client.model.RebaselineRequest;
import uk.nhs.ics.transition.client.model.RecruitmentStart;
import uk.nhs.ics.transition.client.model.Rejection;
import uk.nhs.ics.transition.client.model.SkipReason;
import uk.nhs.ics.transition.client.model.TransferAgreement;
import uk.nhs.ics.transition.client.model.TransferItemRequest;
import uk.nhs.ics.transition.client.model.TransferItemWithdrawal;
import uk.nhs.ics.transition.client.model.TransferVariation;
import uk.nhs.ics.transition.client.model.WriteAnswer;

/**
 * A client generated from the committed contract ({@code docs/api/openapi.yaml}, by openapi-generator with its
 * validation on) drives every operation against the service: every answer deserialises into the type the contract
 * declares (strictly: a field the contract does not declare fails), and every error answers with the problem schema.
 * Each operation has a driver below, with the status it must answer; an operation of the contract without one fails
 * the first test, naming it. This class owns Birmingham and Solihull (QHL) and its CCG (15E).
 */
class GeneratedClientTest extends EndToEndTest {

    private static final String ICS = "QHL";
    private static final String REGION = "Y60";
    private static final String CCG = "15E";
    private static final String NO_APPROVAL = "00000000-0000-4000-8000-000000000000";

    /** Who calls. */
    enum Who {
        MANAGER,
        REGION,
        NATIONAL,
        AUDITOR,
        NOBODY
    }

    /** One operation's call, and what it must answer. */
    interface Call {
        Object call(Clients clients) throws Exception;
    }

    record Driver(int status, Call call) {}

    /** The generated clients, each signed in as someone (or, for {@link Who#NOBODY}, not at all). */
    final class Clients {
        private final boolean anonymous;
        private final Map<String, Object> state;

        Clients(boolean anonymous, Map<String, Object> state) {
            this.anonymous = anonymous;
            this.state = state;
        }

        ApiClient as(Who who) {
            return client(anonymous ? Who.NOBODY : who);
        }

        String get(String key) {
            return String.valueOf(state.get(key));
        }

        void put(String key, Object value) {
            state.put(key, value);
        }
    }

    private static final ObjectMapper STRICT =
            ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Map<Who, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void callers() {
        clock.setToday(LocalDate.of(2021, 9, 1));
        tokens.put(Who.MANAGER, api.programmeManager(ICS));
        tokens.put(Who.REGION, api.regionalTeam(REGION));
        tokens.put(Who.NATIONAL, api.nationalTeam());
        tokens.put(Who.AUDITOR, api.auditor());
    }

    private ApiClient client(Who who) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setObjectMapper(STRICT);
        String token = tokens.get(who);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    /** Every operation's driver, in the order a programme would go (later calls use what earlier ones made). */
    private static Map<String, Driver> drivers() {
        Map<String, Driver> d = new LinkedHashMap<>();
        // reference data, programme, readiness
        d.put("issueDevelopmentToken", ok(c -> new DevelopmentTokensApi(c.as(Who.NOBODY))
                .issueDevelopmentToken(
                        new DevTokenRequest().sub("client.test").roles(List.of(DevTokenRequest.RolesEnum.AUDITOR)))));
        d.put("listRegions", ok(c -> new ReferenceDataApi(c.as(Who.NATIONAL)).listRegions(null, null, null)));
        d.put("listSystems", ok(c -> new ReferenceDataApi(c.as(Who.NATIONAL))
                .listSystems(REGION, null, null, 0, 50, null)));
        d.put("listCcgs", ok(c -> new ReferenceDataApi(c.as(Who.MANAGER)).listCcgs(ICS, null, 0, 50, null)));
        d.put("getSystem", ok(c -> new SystemsApi(c.as(Who.REGION)).getSystem(ICS, null, null)));
        d.put("getProgramme", ok(c -> new ProgrammeApi(c.as(Who.MANAGER)).getProgramme(null, null, null, null)));
        d.put("recordLegislativeMilestone", status(409, c -> new ProgrammeApi(c.as(Who.NATIONAL))
                .recordLegislativeMilestone(
                        new LegislativeMilestoneRequest()
                                .milestone(LegislativeMilestoneRequest.MilestoneEnum.ROYAL_ASSENT)
                                .occurredOn(LocalDate.of(2021, 4, 2)),
                        null,
                        null)));
        d.put("rebaselineProgramme", status(422, c -> new ProgrammeApi(c.as(Who.NATIONAL))
                .rebaselineProgramme(
                        new RebaselineRequest()
                                .decidedOn(LocalDate.of(2020, 1, 1))
                                .establishmentDate(LocalDate.of(2022, 7, 1))
                                .reason("before the programme began: refused"),
                        null,
                        null)));
        d.put("getNationalReadiness", ok(c -> new ReadinessApi(c.as(Who.NATIONAL))
                .getNationalReadiness(null, null, null)));
        d.put("getRegionReadiness", ok(c -> new ReadinessApi(c.as(Who.REGION))
                .getRegionReadiness(REGION, null, null, null)));
        d.put("listOverdueMilestones", ok(c -> new ReadinessApi(c.as(Who.REGION))
                .listOverdueMilestones(null, REGION, LocalDate.of(2022, 6, 30), null, 0, 50, null)));
        // milestones
        d.put("listMilestones", ok(c -> {
            var milestones =
                    new MilestonesApi(c.as(Who.MANAGER)).listMilestones(ICS, null, null, 0, 100, null, null, null);
            for (MilestoneView milestone : milestones.getItems()) {
                if ("MANUAL".equals(String.valueOf(milestone.getKind()))
                        && "NOT_STARTED".equals(String.valueOf(milestone.getStatus()))) {
                    c.put("milestone", milestone.getCode());
                    break;
                }
            }
            return milestones;
        }));
        d.put("startMilestone", ok(c -> milestones(c).startMilestone(ICS, c.get("milestone"), null, null)));
        d.put("flagMilestoneAtRisk", ok(c -> milestones(c)
                .flagMilestoneAtRisk(
                        ICS, c.get("milestone"), new MilestoneReason().reason("Panel delayed"), null, null)));
        d.put("clearMilestoneRisk", ok(c -> milestones(c)
                .clearMilestoneRisk(ICS, c.get("milestone"), new MilestoneReason().reason("Panel met"), null, null)));
        d.put("completeMilestone", ok(c -> milestones(c)
                .completeMilestone(
                        ICS,
                        c.get("milestone"),
                        new MilestoneCompletion()
                                .completedOn(LocalDate.of(2021, 8, 31))
                                .evidence(List.of(
                                        new EvidenceItem().reference("BSOL-1").description("Board paper"))),
                        null,
                        null)));
        d.put("reopenMilestone", ok(c -> milestones(c)
                .reopenMilestone(
                        ICS, c.get("milestone"), new MilestoneReason().reason("Evidence superseded"), null, null)));
        // board
        d.put("startRecruitment", ok(c -> board(c).startRecruitment(
                        ICS,
                        "CHAIR",
                        new RecruitmentStart().process(RecruitmentStart.ProcessEnum.NATIONAL),
                        null,
                        null)));
        d.put("namePreferredCandidate", ok(c -> board(c).namePreferredCandidate(
                        ICS, "CHAIR", new PreferredCandidate().name("Dr Ada Client"), null, null)));
        d.put("withdrawCandidate", ok(c -> board(c).withdrawCandidate(
                        ICS, "CHAIR", new CandidateWithdrawal().reason("Withdrew"), null, null)));
        d.put("confirmDesignateAppointment", status(409, c -> board(c).confirmDesignateAppointment(
                        ICS, "CHAIR", null, null)));
        d.put("makeAppointmentSubstantive", status(409, c -> board(c).makeAppointmentSubstantive(
                        ICS, "CHAIR", null, null)));
        d.put("getBoard", ok(c -> board(c).getBoard(ICS, null, null, null)));
        // due diligence
        d.put("startDueDiligencePlanning", ok(c -> dueDiligence(c).startDueDiligencePlanning(ICS, null, null)));
        d.put("raiseDueDiligenceItem", ok(c -> {
            WriteAnswer answer = dueDiligence(c)
                    .raiseDueDiligenceItem(
                            ICS,
                            new DueDiligenceItemRequest()
                                    .category(DueDiligenceItemRequest.CategoryEnum.CONTRACTS)
                                    .title("Novation of community contracts"),
                            null,
                            null);
            c.put("dueDiligenceItem", answer.getItemId());
            return answer;
        }));
        d.put("assessDueDiligenceItem", ok(c -> dueDiligence(c)
                .assessDueDiligenceItem(
                        ICS,
                        c.get("dueDiligenceItem"),
                        new DueDiligenceAssessment().outcome(DueDiligenceAssessment.OutcomeEnum.ASSURED),
                        null,
                        null)));
        d.put("signOffDueDiligence", status(409, c -> dueDiligence(c)
                .signOffDueDiligence(
                        ICS,
                        new DueDiligenceSignOff()
                                .signatory("A. N. Officer")
                                .capacity(DueDiligenceSignOff.CapacityEnum.DESIGNATE_CHIEF_EXECUTIVE),
                        null,
                        null,
                        null)));
        d.put("getDueDiligence", ok(c -> dueDiligence(c).getDueDiligence(ICS, null, null, null)));
        // constitution and MoU
        d.put("recordConstitutionDraft", ok(c -> constitution(c, Who.MANAGER)
                .recordConstitutionDraft(ICS, new ConstitutionDraft().documentReference("BSOL-CONST-1"), null, null)));
        d.put("openConstitutionEngagement", ok(c -> constitution(c, Who.MANAGER)
                .openConstitutionEngagement(ICS, null, null)));
        d.put("closeConstitutionEngagement", ok(c -> constitution(c, Who.MANAGER)
                .closeConstitutionEngagement(ICS, null, null)));
        d.put("submitConstitution", ok(c -> {
            List<BoardGapPlan> plans = new ArrayList<>();
            for (Object gap : board(c).getBoard(ICS, null, null, null).getGaps()) {
                plans.add(new BoardGapPlan().requirement(String.valueOf(gap)).plan("Recruitment concludes in March"));
            }
            return constitution(c, Who.MANAGER)
                    .submitConstitution(ICS, null, null, new ConstitutionSubmission().gaps(plans));
        }));
        d.put("returnConstitution", ok(c -> constitution(c, Who.REGION)
                .returnConstitution(
                        ICS, new ConstitutionComments().comments("Name the committees"), null, null, null)));
        d.put("approveConstitution", status(409, c -> constitution(c, Who.REGION)
                .approveConstitution(ICS, null, null, null, null)));
        d.put("draftMou", ok(c -> constitution(c, Who.MANAGER)
                .draftMou(ICS, new MouDraft().documentReference("BSOL-MOU"), null, null)));
        d.put("agreeMou", ok(c -> constitution(c, Who.REGION).agreeMou(ICS, null, null)));
        d.put("addAssuranceComment", ok(c -> constitution(c, Who.REGION)
                .addAssuranceComment(ICS, new AssuranceComment().comment("On track"), null, null)));
        d.put("getConstitution", ok(c -> constitution(c, Who.MANAGER).getConstitution(ICS, null, null, null)));
        // the CCG's transfer scheme
        d.put("addTransferItem", ok(c -> {
            WriteAnswer answer = transfers(c).addTransferItem(CCG, asset("Solihull offices", 100), null, null);
            c.put("transferItem", answer.getItemId());
            return answer;
        }));
        d.put("amendTransferItem", ok(c -> transfers(c)
                .amendTransferItem(CCG, c.get("transferItem"), asset("Solihull offices (revalued)", 150), null, null)));
        d.put("withdrawTransferItem", ok(c -> {
            String second = transfers(c)
                    .addTransferItem(CCG, asset("Entered twice", 1), null, null)
                    .getItemId();
            return transfers(c)
                    .withdrawTransferItem(CCG, second, null, null, new TransferItemWithdrawal().reason("Duplicate"));
        }));
        d.put("getTransferScheme", ok(c -> transfers(c).getTransferScheme(CCG, null, 0, 50, null, null)));
        d.put("getTransferLedger", ok(c -> new SystemsApi(c.as(Who.MANAGER)).getTransferLedger(ICS, null, 0, 50)));
        d.put("getTransferRegisterTemplate", ok(c -> transfers(c).getTransferRegisterTemplate(CCG)));
        d.put("exportTransferRegister", ok(c -> transfers(c).exportTransferRegister(CCG, null, null, null)));
        d.put("importTransferRegister", ok(c -> {
            // the generated client sends the first media type the contract takes: an Excel workbook
            File register = File.createTempFile("register", ".xlsx");
            register.deleteOnExit();
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                            new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                    java.io.OutputStream out = Files.newOutputStream(register.toPath())) {
                org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("register");
                String[][] cells = {
                    {"kind", "reference", "description", "valuePence"}, {"ASSET", "BSOL-A-1", "Clinic", "500"}
                };
                for (int r = 0; r < cells.length; r++) {
                    org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                    for (int col = 0; col < cells[r].length; col++) {
                        if (r > 0 && col == 3) {
                            row.createCell(col).setCellValue(Double.parseDouble(cells[r][col]));
                        } else {
                            row.createCell(col).setCellValue(cells[r][col]);
                        }
                    }
                }
                workbook.write(out);
            }
            // the native library writes any body as JSON, a file too (openapi-generator 7.25): the file's bytes are
            // sent instead, as the contract's binary body says
            ApiClient client = c.as(Who.MANAGER);
            java.util.function.Consumer<java.net.http.HttpRequest.Builder> signed = client.getRequestInterceptor();
            client.setRequestInterceptor(request -> {
                if (signed != null) {
                    signed.accept(request);
                }
                try {
                    request.method("POST", java.net.http.HttpRequest.BodyPublishers.ofFile(register.toPath()));
                } catch (java.io.FileNotFoundException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new CcgTransferSchemesApi(client)
                    .importTransferRegister(CCG, register, true, false, "dry run", null, null, null, null);
        }));
        d.put("agreeTransferScheme", ok(c -> transfers(c)
                .agreeTransferScheme(
                        CCG, new TransferAgreement().party("CCG").signatory("A. N. Officer"), null, null, null)));
        d.put("varyTransferScheme", status(409, c -> transfers(c)
                .varyTransferScheme(
                        CCG,
                        new TransferVariation().reason("Found after agreement").item(asset("Late asset", 5)),
                        null,
                        null)));
        d.put("effectTransferScheme", status(409, c -> transfers(c).effectTransferScheme(CCG, null, null)));
        d.put("abolishCcg", status(409, c -> transfers(c).abolishCcg(CCG, null, null)));
        // history and audit
        d.put("getSystemHistory", ok(c -> new SystemsApi(c.as(Who.AUDITOR)).getSystemHistory(ICS, null, 0, 50, null)));
        d.put("listAuditEvents", ok(c -> new AuditApi(c.as(Who.AUDITOR))
                .listAuditEvents(ICS, null, null, null, null, null, 0, 50, null)));
        d.put("exportAuditTrail", ok(c -> {
            File trail = new AuditApi(c.as(Who.AUDITOR)).exportAuditTrail(ICS, null, null, null, null, null, null);
            List<AuditEvent> events = new ArrayList<>();
            for (String line : Files.readAllLines(trail.toPath(), StandardCharsets.UTF_8)) {
                events.add(STRICT.readValue(line, AuditEvent.class));
            }
            assertThat(events)
                    .as("the NDJSON export's lines, each an AuditEvent")
                    .isNotEmpty();
            return events;
        }));
        d.put("verifyAuditLedger", ok(c -> new AuditApi(c.as(Who.AUDITOR)).verifyAuditLedger(null, null, null)));
        d.put("getAuditDigest", ok(c -> new AuditApi(c.as(Who.AUDITOR)).getAuditDigest(null, null)));
        d.put("getSigningKeys", ok(c -> new AuditApi(c.as(Who.AUDITOR)).getSigningKeys()));
        d.put("getEvidencePack", ok(c -> {
            File pack = new AuditApi(c.as(Who.AUDITOR)).getEvidencePack(ICS, "ALL", null, null);
            assertThat(pack).as("the evidence pack, a zip").isNotEmpty();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pack)) {
                assertThat(zip.size()).as("files in the evidence pack").isPositive();
            }
            return pack;
        }));
        // operations
        d.put("listProjections", ok(c -> new OperationsApi(c.as(Who.NATIONAL)).listProjections()));
        d.put("getProjection", ok(c -> new OperationsApi(c.as(Who.AUDITOR)).getProjection("milestones")));
        d.put("listDeadLetters", ok(c -> new OperationsApi(c.as(Who.NATIONAL)).listDeadLetters("milestones")));
        d.put("retryDeadLetters", ok(c -> new OperationsApi(c.as(Who.NATIONAL)).retryDeadLetters("milestones", null)));
        // a replay or a skip would change what the shared context's other tests read: their problems instead
        d.put("replayProjection", status(404, c -> new OperationsApi(c.as(Who.NATIONAL))
                .replayProjection("no-such", null)));
        d.put("skipDeadLetter", status(404, c -> new OperationsApi(c.as(Who.NATIONAL))
                .skipDeadLetter("milestones", "no-such-event", new SkipReason().reason("Never there"))));
        // approvals (four eyes): the shared context needs no second person (ics.four-eyes.actions=NONE), so nothing
        // waits; deciding is driven to the problem of an approval there is none of (FourEyesTest decides real ones)
        d.put("listApprovals", ok(c -> new ApprovalsApi(c.as(Who.MANAGER)).listApprovals(0, 50)));
        d.put("getApproval", status(404, c -> new ApprovalsApi(c.as(Who.MANAGER)).getApproval(NO_APPROVAL)));
        d.put("grantApproval", status(404, c -> new ApprovalsApi(c.as(Who.REGION)).grantApproval(NO_APPROVAL, null)));
        d.put("rejectApproval", status(404, c -> new ApprovalsApi(c.as(Who.REGION))
                .rejectApproval(NO_APPROVAL, new Rejection().reason("Never asked for"), null)));
        return d;
    }

    @Test
    void every_operation_of_the_contract_answers_the_generated_client_with_its_declared_types() throws Exception {
        Map<String, JsonNode> documented = OpenApiDocumentTest.committedOperations();
        Map<String, Driver> drivers = drivers();
        Set<String> undriven = new TreeSet<>(documented.keySet());
        undriven.removeAll(drivers.keySet());
        Set<String> unknown = new TreeSet<>(drivers.keySet());
        unknown.removeAll(documented.keySet());
        assertThat(undriven)
                .as("operations of docs/api/openapi.yaml without a driver in GeneratedClientTest.drivers(): add one"
                        + " per operation (its call through the generated client, and the status it must answer)")
                .isEmpty();
        assertThat(unknown)
                .as("drivers of operations the contract no longer has")
                .isEmpty();

        Clients clients = new Clients(false, new LinkedHashMap<>());
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, Driver> driver : drivers.entrySet()) {
            String operation = driver.getKey();
            int expected = driver.getValue().status();
            try {
                Object answer = driver.getValue().call().call(clients);
                if (expected >= 300) {
                    faults.add(operation + ": answered " + answer + ", not " + expected);
                } else if (answer == null) {
                    faults.add(operation + ": answered nothing typed");
                }
            } catch (ApiException e) {
                if (e.getCode() != expected) {
                    faults.add(
                            operation + ": answered " + e.getCode() + " " + e.getResponseBody() + ", not " + expected);
                } else {
                    problem(operation, documented.get(operation), e, faults);
                }
            }
        }
        assertThat(faults)
                .as("operations that did not answer as the contract says")
                .isEmpty();
    }

    @Test
    void every_operation_refuses_a_caller_without_a_token_with_the_documented_problem() throws Exception {
        Map<String, JsonNode> documented = OpenApiDocumentTest.committedOperations();
        Clients nobody = new Clients(true, placeholders());
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, Driver> driver : drivers().entrySet()) {
            String operation = driver.getKey();
            if (documented.get(operation).path("security").isArray()
                    && documented.get(operation).path("security").isEmpty()) {
                continue; // needs no token
            }
            try {
                driver.getValue().call().call(nobody);
                faults.add(operation + ": answered without a token");
            } catch (ApiException e) {
                if (e.getCode() != 401) {
                    faults.add(operation + ": answered " + e.getCode() + ", not 401");
                } else {
                    problem(operation, documented.get(operation), e, faults);
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void documented_errors_answer_the_generated_client_with_the_problem_schema() throws Exception {
        Map<String, JsonNode> documented = OpenApiDocumentTest.committedOperations();
        List<String> faults = new ArrayList<>();
        expect(faults, documented, "getSystem", 404, c -> new SystemsApi(client(Who.NATIONAL))
                .getSystem("QZZ", null, null));
        expect(faults, documented, "getNationalReadiness", 403, c -> new ReadinessApi(client(Who.MANAGER))
                .getNationalReadiness(null, null, null));
        expect(faults, documented, "listSystems", 422, c -> new ReferenceDataApi(client(Who.NATIONAL))
                .listSystems("Z99", null, null, 0, 50, null));
        expect(faults, documented, "getBoard", 503, c -> new BoardApi(client(Who.MANAGER))
                .getBoard(ICS, null, "999999999", null));
        long version = new MilestonesApi(client(Who.MANAGER))
                .startMilestone(ICS, "Q4-UNION-CONSULTATION", null, null)
                .getVersion();
        expect(faults, documented, "flagMilestoneAtRisk", 412, c -> new MilestonesApi(client(Who.MANAGER))
                .flagMilestoneAtRisk(
                        ICS,
                        "Q4-UNION-CONSULTATION",
                        new MilestoneReason().reason("stale"),
                        "\"" + (version - 1) + "\"",
                        null));
        expect(faults, documented, "completeMilestone", 400, c -> {
            Api.Response malformed = api.post("/api/v1/systems/" + ICS + "/milestones/Q4-UNION-CONSULTATION/complete")
                    .token(tokens.get(Who.MANAGER))
                    .json("{not json")
                    .send();
            throw new ApiException(malformed.status(), "malformed", null, malformed.body());
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void every_csv_answer_has_the_documented_columns_and_a_file_name() throws Exception {
        Map<String, JsonNode> documented = OpenApiDocumentTest.committedOperations();
        JsonNode paths = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(OpenApiDocumentTest.COMMITTED.toFile())
                .path("paths");
        List<String> checked = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode csv = method.getValue()
                    .path("responses")
                    .path("200")
                    .path("content")
                    .path("text/csv");
            boolean takesFormat = false;
            for (JsonNode parameter : method.getValue().path("parameters")) {
                takesFormat |= parameter.path("name").asText().equals("format");
            }
            if (csv.isMissingNode() || !takesFormat || !method.getKey().equals("get")) {
                return;
            }
            String concrete = path.getKey()
                    .replace("{icsCode}", ICS)
                    .replace("{regionCode}", REGION)
                    .replace("{ccgCode}", CCG);
            Api.Response answer = api.get(concrete + "?format=csv")
                    .token(tokens.get(Who.NATIONAL))
                    .send();
            String what = method.getValue().path("operationId").asText() + " " + concrete;
            assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(200);
            assertThat(answer.header("Content-Type")).as(what).startsWith("text/csv");
            assertThat(answer.header("Content-Disposition"))
                    .as(what)
                    .startsWith("attachment")
                    .contains(".csv");
            List<String> header = List.of(
                    answer.body().replace("\uFEFF", "").split("\r\n", 2)[0].split(","));
            Matcher columns = Pattern.compile("columns: (.*)$")
                    .matcher(csv.path("schema").path("description").asText());
            assertThat(columns.find()).as("%s documents its columns", what).isTrue();
            List<String> named = new ArrayList<>();
            Matcher column = Pattern.compile("`([^`]+)`").matcher(columns.group(1));
            while (column.find()) {
                named.add(column.group(1));
            }
            assertThat(header)
                    .as("%s: the CSV's header holds the documented columns", what)
                    .containsAll(named);
            assertThat(named).as(what).isNotEmpty();
            checked.add(what);
        }));
        assertThat(checked).as("CSV answers checked").hasSizeGreaterThanOrEqualTo(9);
        assertThat(documented).isNotEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private void expect(List<String> faults, Map<String, JsonNode> documented, String operation, int status, Call call)
            throws Exception {
        try {
            call.call(null);
            faults.add(operation + ": answered, not " + status);
        } catch (ApiException e) {
            if (e.getCode() != status) {
                faults.add(operation + ": answered " + e.getCode() + " " + e.getResponseBody() + ", not " + status);
            } else {
                problem(operation, documented.get(operation), e, faults);
            }
        }
    }

    /** The error is documented for the operation, and its body is a problem with that status and a code. */
    private static void problem(String operation, JsonNode documented, ApiException e, List<String> faults) {
        String status = String.valueOf(e.getCode());
        JsonNode response = documented.path("responses").path(status);
        if (response.path("content").path("application/problem+json").isMissingNode()) {
            faults.add(operation + ": answered " + status + ", which it does not document as a problem");
            return;
        }
        try {
            Problem problem = STRICT.readValue(e.getResponseBody(), Problem.class);
            if (problem.getStatus() == null || problem.getStatus() != e.getCode() || problem.getCode() == null) {
                faults.add(operation + ": a problem without its status or code: " + e.getResponseBody());
            }
        } catch (IOException notAProblem) {
            faults.add(operation + ": " + status + " is not the problem schema: " + notAProblem.getMessage());
        }
    }

    /** What later drivers read from earlier ones, for calls made without a token (refused before they are read). */
    private static Map<String, Object> placeholders() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("milestone", "Q1-SDP-UPDATED");
        values.put("dueDiligenceItem", "DD-1");
        values.put("transferItem", "T-1");
        return values;
    }

    private static Driver ok(Call call) {
        return new Driver(200, call);
    }

    private static Driver status(int status, Call call) {
        return new Driver(status, call);
    }

    private static TransferItemRequest asset(String description, long pence) {
        return new TransferItemRequest()
                .kind(TransferItemRequest.KindEnum.ASSET)
                .description(description)
                .valuePence(pence);
    }

    private static MilestonesApi milestones(Clients c) {
        return new MilestonesApi(c.as(Who.MANAGER));
    }

    private static BoardApi board(Clients c) {
        return new BoardApi(c.as(Who.MANAGER));
    }

    private static DueDiligenceApi dueDiligence(Clients c) {
        return new DueDiligenceApi(c.as(Who.MANAGER));
    }

    private static ConstitutionAndMoUApi constitution(Clients c, Who who) {
        return new ConstitutionAndMoUApi(c.as(who));
    }

    private static CcgTransferSchemesApi transfers(Clients c) {
        return new CcgTransferSchemesApi(c.as(Who.MANAGER));
    }
}
