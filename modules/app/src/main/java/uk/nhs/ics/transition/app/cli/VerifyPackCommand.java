package uk.nhs.ics.transition.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar ics-transition.jar verify-pack <pack.zip> [--keys <keys.json>] [--digest <digest.json|.jws>]}:
 * checks an evidence pack offline ({@link PackVerifier}) and says what it found. Exit status 0 when the pack is whole
 * (and, with {@code --keys}, signed by the service), 1 when anything is wrong (each problem named), 2 when it was
 * asked wrongly or a file cannot be read.
 */
public final class VerifyPackCommand {

    static final String USAGE = "usage: java -jar ics-transition.jar verify-pack <pack.zip> [--keys <keys.json>]"
            + " [--digest <digest.json or digest.jws>]\n"
            + "  --keys    the service's published keys (GET /api/v1/audit/keys); without them the pack is checked"
            + " against the key it carries, whose fingerprint is printed to compare\n"
            + "  --digest  a digest published earlier (GET /api/v1/audit/digest, signed=true for a JWS): the proof"
            + " must lead to it";

    private VerifyPackCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path pack = null;
        Path keys = null;
        Path digest = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--keys", "--digest" -> {
                    if (i + 1 >= args.size()) {
                        err.println(arg + " needs a file\n" + USAGE);
                        return 2;
                    }
                    Path file = Path.of(args.get(++i));
                    if (arg.equals("--keys")) {
                        keys = file;
                    } else {
                        digest = file;
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--") || pack != null) {
                        err.println("unexpected " + arg + "\n" + USAGE);
                        return 2;
                    }
                    pack = Path.of(arg);
                }
            }
        }
        if (pack == null) {
            err.println(USAGE);
            return 2;
        }
        for (Path file : new Path[] {pack, keys, digest}) {
            if (file != null && !Files.isReadable(file)) {
                err.println("cannot read " + file);
                return 2;
            }
        }
        PackVerifier.Outcome outcome;
        try {
            outcome = PackVerifier.verify(pack, keys, digest);
        } catch (IOException e) {
            err.println("cannot read the pack: " + e.getMessage());
            return 2;
        }
        outcome.findings().forEach(finding -> out.println("  " + finding));
        if (outcome.verified()) {
            out.println("VERIFIED: " + pack);
            return 0;
        }
        err.println("NOT VERIFIED: " + pack + " (" + outcome.problems().size() + " problem"
                + (outcome.problems().size() == 1 ? "" : "s") + ")");
        outcome.problems().forEach(problem -> err.println("  - " + problem));
        return 1;
    }
}
