package uk.nhs.ics.transition.bench;

import java.time.Instant;
import java.util.Map;

/**
 * Everything one run measured, phase by phase; a phase the run did not measure is null. Latencies are in
 * milliseconds; rates per second; memory in bytes.
 */
public record Result(
        String mode,
        Instant started,
        Instant finished,
        Machine machine,
        Settings settings,
        DemoLoad.Outcome demo,
        RegisterImport.Outcome register,
        ProgrammePhase programme,
        Soak.Outcome soak) {

    /**
     * The programme loaded through the API and everything measured on it.
     *
     * @param commandToRawRatio the mixed load's writes per second over the raw baseline's inserts per second
     * @param pages each page's latency as a browser gets it (HTML), and under "all" every page's together
     * @param evidencePack the hot ICS's evidence pack of its whole history, downloaded whole
     */
    public record ProgrammePhase(
            Load load,
            MixedLoad.Outcome writes,
            RawBaseline.Outcome raw,
            Double commandToRawRatio,
            TopUp topUp,
            long events,
            String hotIcs,
            long hotIcsEvents,
            Map<String, Measures.Replay> replays,
            Map<String, Samples.Percentiles> icsAsOf,
            Samples.Percentiles nationAsOf,
            Map<String, Samples.Percentiles> pages,
            Long servicePeakResidentBytes,
            Long serviceResidentBytesAtEnd,
            Measures.Pack evidencePack) {}

    /** Loading the programme: writes made, how long, and the store's size after it. */
    public record Load(long writes, double seconds, long events) {}

    /** Topping the store up to the promised size. */
    public record TopUp(long writes, double seconds) {}
}
