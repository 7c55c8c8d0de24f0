package uk.nhs.ics.transition.domain.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;

/**
 * The organisations of the 2021/22 programme and how they relate: which ICS each CCG belongs to, which region each
 * ICS is in, and where a boundary change lets a CCG's items go to a second ICS.
 */
public final class ReferenceData {

    /** An NHS England and NHS Improvement region. */
    public record Region(RegionCode code, String name) {}

    /** An integrated care system as of 2021/22. */
    public record Ics(IcsCode code, String name, RegionCode region, String onsCode, String icbName) {}

    /** A clinical commissioning group on 2021-04-01. */
    public record Ccg(CcgCode code, String name, IcsCode ics, String onsCode) {}

    /** An area that moved from one ICS to another at establishment, taking items of a CCG's scheme with it. */
    public record BoundaryChange(
            CcgCode ccg, IcsCode fromIcs, IcsCode toIcs, String area, int lsoaCount, LocalDate effectiveDate) {}

    private static final String FOLDER = "/reference-data/";

    private final Map<RegionCode, Region> regions;
    private final Map<IcsCode, Ics> systems;
    private final Map<CcgCode, Ccg> ccgs;
    private final List<BoundaryChange> boundaryChanges;

    private ReferenceData(
            List<Region> regions, List<Ics> systems, List<Ccg> ccgs, List<BoundaryChange> boundaryChanges) {
        this.regions = index(regions, Region::code);
        this.systems = index(systems, Ics::code);
        this.ccgs = index(ccgs, Ccg::code);
        this.boundaryChanges = List.copyOf(boundaryChanges);
        validate();
    }

    /** The reference data carried in the build. */
    public static ReferenceData load() {
        return new ReferenceData(
                Csv.read(FOLDER + "regions.csv").stream()
                        .map(r -> new Region(RegionCode.of(r.get("region_code")), r.get("region_name")))
                        .toList(),
                Csv.read(FOLDER + "ics.csv").stream()
                        .map(r -> new Ics(
                                IcsCode.of(r.get("ics_code")),
                                r.get("ics_name"),
                                RegionCode.of(r.get("region_code")),
                                r.get("ons_code"),
                                r.get("icb_name_from_2022_07_01")))
                        .toList(),
                Csv.read(FOLDER + "ccg.csv").stream()
                        .map(r -> new Ccg(
                                CcgCode.of(r.get("ccg_code")),
                                r.get("ccg_name"),
                                IcsCode.of(r.get("ics_code")),
                                r.get("ons_code")))
                        .toList(),
                Csv.read(FOLDER + "boundary_changes_2022.csv").stream()
                        .map(r -> new BoundaryChange(
                                CcgCode.of(r.get("from_ccg_code")),
                                IcsCode.of(r.get("from_ics_code")),
                                IcsCode.of(r.get("to_ics_code")),
                                r.get("area"),
                                Integer.parseInt(r.get("lsoa_count")),
                                LocalDate.parse(r.get("effective_date"))))
                        .toList());
    }

    private void validate() {
        systems.values().forEach(ics -> {
            if (!regions.containsKey(ics.region())) {
                throw new IllegalStateException(ics.code() + " names an unknown region " + ics.region());
            }
        });
        ccgs.values().forEach(ccg -> {
            if (!systems.containsKey(ccg.ics())) {
                throw new IllegalStateException(ccg.code() + " names an unknown ICS " + ccg.ics());
            }
        });
        boundaryChanges.forEach(change -> {
            Ccg ccg = ccgs.get(change.ccg());
            if (ccg == null || !ccg.ics().equals(change.fromIcs()) || !systems.containsKey(change.toIcs())) {
                throw new IllegalStateException("boundary change does not match the organisations: " + change);
            }
        });
    }

    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    public List<Ics> systems() {
        return List.copyOf(systems.values());
    }

    public List<Ccg> ccgs() {
        return List.copyOf(ccgs.values());
    }

    public List<BoundaryChange> boundaryChanges() {
        return boundaryChanges;
    }

    public Optional<Region> region(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Optional<Ics> ics(IcsCode code) {
        return Optional.ofNullable(systems.get(code));
    }

    public Optional<Ccg> ccg(CcgCode code) {
        return Optional.ofNullable(ccgs.get(code));
    }

    /** The CCGs that belonged to an ICS on 2021-04-01. */
    public List<Ccg> ccgsOf(IcsCode ics) {
        return ccgs.values().stream().filter(c -> c.ics().equals(ics)).toList();
    }

    /**
     * The CCGs whose staff, assets, liabilities or contracts may transfer into an ICS: its own CCGs, and any CCG
     * whose area partly moves into it by a boundary change. Their accountable officers sign its due diligence off,
     * and their transfer schemes must be agreed before its due diligence milestone completes.
     */
    public List<CcgCode> predecessorsOf(IcsCode ics) {
        Set<CcgCode> predecessors = new LinkedHashSet<>();
        ccgsOf(ics).forEach(c -> predecessors.add(c.code()));
        boundaryChanges.stream()
                .filter(change -> change.toIcs().equals(ics))
                .forEach(change -> predecessors.add(change.ccg()));
        return predecessors.stream().sorted().toList();
    }

    /** The ICSs that may receive a CCG's items: its own, and the destination of any boundary change it has. */
    public List<IcsCode> possibleReceiversOf(CcgCode ccg) {
        List<IcsCode> receivers = new ArrayList<>();
        ccg(ccg).ifPresent(c -> receivers.add(c.ics()));
        boundaryChanges.stream()
                .filter(change -> change.ccg().equals(ccg))
                .map(BoundaryChange::toIcs)
                .forEach(receivers::add);
        return List.copyOf(receivers);
    }

    /** The ICSs in a region, by code. */
    public List<Ics> systemsIn(RegionCode region) {
        return systems.values().stream()
                .filter(ics -> ics.region().equals(region))
                .sorted(Comparator.comparing(Ics::code))
                .toList();
    }

    private static <K extends Comparable<K>, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        Map<K, V> sorted = values.stream()
                .sorted(Comparator.comparing(key))
                .collect(Collectors.toMap(
                        key,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("duplicate reference data: " + a + " and " + b);
                        },
                        LinkedHashMap::new));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
