package uk.nhs.ics.transition.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The programme the benchmark loads through the API, and what it knows of it afterwards: which CCGs belong to which
 * ICS, which transfer items each CCG has (to amend them), and which milestones are in progress (to flag and clear).
 * Every ICS is taken through its Q1 and Q2 milestones, its board's designate appointments and its due diligence; every
 * CCG gets its transfer items.
 */
final class Programme {

    /** Manual milestones completed in the load, with the day they were done. */
    private static final Map<String, String> COMPLETED = new LinkedHashMap<>();

    static {
        COMPLETED.put("Q1-SDP-UPDATED", "2021-06-18");
        COMPLETED.put("Q1-TRANSITION-PLAN", "2021-06-25");
        COMPLETED.put("Q2-LEADERS-SUPPORTED", "2021-09-10");
        COMPLETED.put("Q2-SUB-ICS-PLAN", "2021-09-17");
        COMPLETED.put("Q2-MOU-DRAFTED", "2021-09-24");
    }

    /** Manual milestones left in progress: the mixed load flags them at risk and clears them. */
    static final List<String> IN_PROGRESS = List.of("Q3-IMPACTED-SUPPORTED", "Q3-SHADOW-READY");

    static final List<String> AREAS = List.of(
            "STAFF",
            "CONSTITUTIONAL",
            "QUALITY",
            "CLAIMS",
            "CONTRACTS",
            "PROPERTY",
            "ENVIRONMENTAL",
            "INTELLECTUAL_PROPERTY",
            "FINANCE",
            "DIGITAL");

    private static final List<String> DESIGNATES =
            List.of("CHAIR", "CHIEF_EXECUTIVE", "FINANCE_DIRECTOR", "DIRECTOR_OF_NURSING", "MEDICAL_DIRECTOR");
    private static final List<String> FIRST_NAMES =
            List.of("Amara", "Bernard", "Catrin", "Deepa", "Euan", "Folake", "Gareth", "Hannah", "Imran");
    private static final List<String> SURNAMES = List.of(
            "Abbott",
            "Baxter",
            "Chowdhury",
            "Dunmore",
            "Ellison",
            "Fairweather",
            "Gallagher",
            "Hussain",
            "Ingram",
            "Jaworski",
            "Kaur",
            "Lindqvist",
            "Mensah",
            "Nakamura",
            "Okafor",
            "Pemberton",
            "Quayle",
            "Rahman",
            "Sutcliffe",
            "Tennant",
            "Underwood",
            "Varga",
            "Whitfield",
            "Xavier",
            "Yeoman",
            "Zielinski",
            "Ashworth",
            "Blackwood",
            "Crossley",
            "Dalton",
            "Eastwood",
            "Fenwick",
            "Goodall",
            "Hargreaves",
            "Iqbal",
            "Jennings",
            "Kershaw",
            "Lomax",
            "Marsden",
            "Northcott",
            "Oldroyd",
            "Prescott");

    final List<String> systems;
    final Map<String, List<String>> ccgsBySystem;
    final List<String> ccgs;
    final Map<String, String> systemOfCcg = new LinkedHashMap<>();
    /** Per CCG, the kind of each live item by its number (T-1 is index 1). */
    final Map<String, Map<Integer, String>> items = new ConcurrentHashMap<>();
    /** Per ICS and in-progress milestone, whether it is flagged at risk now. */
    final Map<String, Boolean> atRisk = new ConcurrentHashMap<>();

    final String managerToken;
    final String nationalToken;
    /** A second person of the national team, who approves what the first asks for (four eyes: ADR 0025). */
    final String checkerToken;

    final String auditorToken;

    private Programme(
            List<String> systems,
            Map<String, List<String>> ccgsBySystem,
            String managerToken,
            String nationalToken,
            String checkerToken,
            String auditorToken) {
        this.systems = systems;
        this.ccgsBySystem = ccgsBySystem;
        this.ccgs = ccgsBySystem.values().stream().flatMap(List::stream).toList();
        ccgsBySystem.forEach((ics, ccgs) -> ccgs.forEach(ccg -> systemOfCcg.put(ccg, ics)));
        this.managerToken = managerToken;
        this.nationalToken = nationalToken;
        this.checkerToken = checkerToken;
        this.auditorToken = auditorToken;
        ccgs.forEach(ccg -> items.put(ccg, new ConcurrentHashMap<>()));
    }

    /** Reads the ICSs and CCGs from the service (the first {@code systems}, or all) and gets tokens. */
    static Programme discover(Http http, int systems) {
        String auditor = http.token("bench-auditor", List.of("AUDITOR"), List.of());
        List<String> codes = new ArrayList<>();
        http.expectOk(http.get(auditor, "/api/v1/systems?size=500"), "the systems")
                .json()
                .get("items")
                .forEach(ics -> codes.add(ics.get("code").asText()));
        List<String> chosen = systems > 0 ? codes.subList(0, Math.min(systems, codes.size())) : codes;
        Map<String, List<String>> ccgs = new LinkedHashMap<>();
        chosen.forEach(ics -> ccgs.put(ics, new ArrayList<>()));
        for (JsonNode ccg : http.expectOk(http.get(auditor, "/api/v1/ccgs?size=500"), "the CCGs")
                .json()
                .get("items")) {
            List<String> of = ccgs.get(ccg.get("icsCode").asText());
            if (of != null) {
                of.add(ccg.get("code").asText());
            }
        }
        return new Programme(
                List.copyOf(chosen),
                ccgs,
                http.token("bench-manager", List.of("PROGRAMME_MANAGER"), List.copyOf(codes)),
                http.token("bench-national", List.of("NATIONAL_PROGRAMME"), List.of()),
                http.token("bench-national-checker", List.of("NATIONAL_PROGRAMME"), List.of()),
                auditor);
    }

    /** The ICS with the most CCGs: its history grows fastest, so it is the one whose as-of reads are measured. */
    String hotSystem() {
        return systems.stream()
                .max((a, b) -> Integer.compare(
                        ccgsBySystem.get(a).size(), ccgsBySystem.get(b).size()))
                .orElseThrow();
    }

    // ---------------------------------------------------------------- the load

    /**
     * Loads the programme with {@code clients} concurrent clients: the Bill's first two stages, then every ICS's
     * milestones, board and due diligence, then every CCG's transfer items.
     *
     * @return how many writes it made
     */
    long load(Http http, int clients, int itemsPerCcg, Consumer<String> progress) throws Exception {
        AtomicLong writes = new AtomicLong();
        for (String[] stage :
                List.of(new String[] {"INTRODUCED", "2021-07-06"}, new String[] {"SECOND_READING", "2021-07-14"})) {
            Http.Answer answer = http.post(
                    nationalToken,
                    "/api/v1/programme/legislative-milestones",
                    Map.of("milestone", stage[0], "occurredOn", stage[1]));
            if (!answer.ok() && answer.status() != 409) {
                http.expectOk(answer, "recording " + stage[0]);
            }
            writes.incrementAndGet();
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> systemsLoaded = new ArrayList<>();
            for (int i = 0; i < systems.size(); i++) {
                String ics = systems.get(i);
                int index = i;
                systemsLoaded.add(pool.submit(() -> {
                    writes.addAndGet(loadSystem(http, ics, index));
                    return null;
                }));
            }
            for (Future<?> loaded : systemsLoaded) {
                loaded.get();
            }
            progress.accept("loaded " + systems.size() + " ICSs' milestones, boards and due diligence");

            List<Future<?>> schemesLoaded = new ArrayList<>();
            AtomicLong added = new AtomicLong();
            long total = (long) ccgs.size() * itemsPerCcg;
            // a quarter of every CCG's items at a time, so no two clients queue on one CCG's scheme
            for (int part = 0; part < 4; part++) {
                for (String ccg : ccgs) {
                    int quarter = part;
                    int from = quarter * itemsPerCcg / 4;
                    int to = (quarter + 1) * itemsPerCcg / 4;
                    long seed = ccg.hashCode() * 31L + quarter;
                    schemesLoaded.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        for (int n = from; n < to; n++) {
                            addItem(http, ccg, random);
                            writes.incrementAndGet();
                            long done = added.incrementAndGet();
                            if (done % 20_000 == 0) {
                                progress.accept("added " + done + " of " + total + " transfer items");
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> loaded : schemesLoaded) {
                loaded.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return writes.get();
    }

    private long loadSystem(Http http, String ics, int index) throws InterruptedException {
        long writes = 0;
        String base = "/api/v1/systems/" + ics;
        for (Map.Entry<String, String> milestone : COMPLETED.entrySet()) {
            ok(http, base + "/milestones/" + milestone.getKey() + "/start", null);
            ok(
                    http,
                    base + "/milestones/" + milestone.getKey() + "/complete",
                    Map.of(
                            "completedOn", milestone.getValue(),
                            "evidence",
                                    List.of(Map.of(
                                            "reference",
                                            ics + "-" + milestone.getKey(),
                                            "description",
                                            "Board minutes"))));
            writes += 2;
        }
        for (String milestone : IN_PROGRESS) {
            ok(http, base + "/milestones/" + milestone + "/start", null);
            atRisk.put(ics + "/" + milestone, false);
            writes++;
        }
        for (int i = 0; i < DESIGNATES.size(); i++) {
            String role = DESIGNATES.get(i);
            String process = role.equals("CHAIR") || role.equals("CHIEF_EXECUTIVE") ? "NATIONAL" : "LOCAL";
            String name = FIRST_NAMES.get(i) + " " + SURNAMES.get(index % SURNAMES.size());
            ok(http, base + "/board/roles/" + role + "/recruitment", Map.of("process", process));
            ok(http, base + "/board/roles/" + role + "/candidate", Map.of("name", name, "conflictingPosts", List.of()));
            // the chair waits for the Bill's second reading to reach the ICS (relayed, so eventually)
            retryWhileRefused(http, base + "/board/roles/" + role + "/confirm-designate");
            writes += 3;
        }
        ok(http, base + "/due-diligence/start-planning", null);
        writes++;
        for (String area : AREAS) {
            String item = ok(http, base + "/due-diligence/items", Map.of("category", area, "title", area + " review"))
                    .json()
                    .get("itemId")
                    .asText();
            ok(http, base + "/due-diligence/items/" + item + "/assess", Map.of("outcome", "ASSURED"));
            writes += 2;
        }
        ok(
                http,
                base + "/constitution/drafts",
                Map.of("documentReference", ics + "-CONST-1", "summary", "First draft"));
        return writes + 1;
    }

    private Http.Answer ok(Http http, String path, Object body) {
        return http.expectOk(http.post(managerToken, path, body), "POST " + path);
    }

    private void retryWhileRefused(Http http, String path) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Http.Answer answer = http.post(managerToken, path, null);
            if (answer.ok()) {
                return;
            }
            if (answer.status() != 409 || attempt > 300) {
                http.expectOk(answer, "POST " + path);
            }
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------- writes the loads share

    /** Adds one transfer item of a realistic kind and size to the CCG's scheme. */
    Http.Answer addItem(Http http, String ccg, Random random) {
        String kind = kindFor(random);
        Http.Answer answer = http.post(managerToken, "/api/v1/ccgs/" + ccg + "/transfer/items", item(kind, random));
        if (answer.ok()) {
            String id = answer.json().get("itemId").asText();
            items.get(ccg).put(Integer.parseInt(id.substring(2)), kind);
        }
        return answer;
    }

    /** Amends one of the CCG's items (the whole item again, with a new value and description). */
    Http.Answer amendItem(Http http, String ccg, Random random) {
        Map<Integer, String> live = items.get(ccg);
        if (live.isEmpty()) {
            return addItem(http, ccg, random);
        }
        int number = 1 + random.nextInt(maxNumber(live));
        String kind = live.get(number);
        if (kind == null) {
            return addItem(http, ccg, random);
        }
        return http.post(
                managerToken, "/api/v1/ccgs/" + ccg + "/transfer/items/T-" + number + "/amend", item(kind, random));
    }

    /** Flags an in-progress milestone at risk, or clears it. */
    Http.Answer toggleRisk(Http http, String ics, Random random) {
        String milestone = IN_PROGRESS.get(random.nextInt(IN_PROGRESS.size()));
        String key = ics + "/" + milestone;
        boolean flagged = atRisk.getOrDefault(key, false);
        Http.Answer answer = http.post(
                managerToken,
                "/api/v1/systems/" + ics + "/milestones/" + milestone + (flagged ? "/clear-risk" : "/at-risk"),
                Map.of("reason", flagged ? "Back on track after the board's review" : "Staff consultation delayed"));
        if (answer.ok()) {
            atRisk.put(key, !flagged);
        }
        return answer;
    }

    Http.Answer raiseDueDiligenceItem(Http http, String ics, Random random) {
        String area = AREAS.get(random.nextInt(AREAS.size()));
        return http.post(
                managerToken,
                "/api/v1/systems/" + ics + "/due-diligence/items",
                Map.of("category", area, "title", "Follow-up on " + area.toLowerCase() + " " + random.nextInt(1000)));
    }

    Http.Answer recordDraft(Http http, String ics, Random random) {
        return http.post(
                managerToken,
                "/api/v1/systems/" + ics + "/constitution/drafts",
                Map.of(
                        "documentReference",
                        ics + "-CONST-" + (2 + random.nextInt(1_000_000)),
                        "summary",
                        "Revised after engagement"));
    }

    private static int maxNumber(Map<Integer, String> live) {
        int max = 0;
        for (Integer number : live.keySet()) {
            max = Math.max(max, number);
        }
        return max;
    }

    /** 60 % contracts, 20 % assets, 15 % staff groups, 5 % liabilities: roughly a CCG's register. */
    static String kindFor(Random random) {
        int roll = random.nextInt(100);
        return roll < 60 ? "CONTRACT" : roll < 80 ? "ASSET" : roll < 95 ? "STAFF" : "LIABILITY";
    }

    static Map<String, Object> item(String kind, Random random) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        switch (kind) {
            case "CONTRACT" -> {
                item.put("description", "Community services contract " + random.nextInt(100_000));
                item.put("counterparty", "Provider " + random.nextInt(500));
                item.put("annualValuePence", 1_000_000L + random.nextInt(500_000_000));
                item.put("endDate", "2024-03-31");
                item.put("novationRequired", random.nextBoolean());
            }
            case "ASSET" -> {
                item.put("description", "Equipment and leases " + random.nextInt(100_000));
                item.put("valuePence", 50_000L + random.nextInt(100_000_000));
            }
            case "LIABILITY" -> {
                item.put("description", "Continuing healthcare claims " + random.nextInt(100_000));
                item.put("valuePence", 10_000L + random.nextInt(50_000_000));
            }
            default -> {
                int headcount = 1 + random.nextInt(40);
                item.put("description", "Commissioning team " + random.nextInt(100_000));
                item.put("headcount", headcount);
                item.put("wte", java.math.BigDecimal.valueOf(headcount * 85L, 2));
            }
        }
        return item;
    }
}
