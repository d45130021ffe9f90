package dev.codeartifact.standin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The {@code --name value} command line of the stand-ins' main methods ({@link StandIn}, {@link CountingProxy}). */
final class Options {
    private final Map<String, List<String>> values = new HashMap<>();

    private Options() {}

    /**
     * Reads {@code args} as {@code --name value} pairs of the {@code known} names. {@code -h} or {@code --help}
     * prints the usage and exits; an unknown name, or one without a value, prints what is wrong and the usage
     * to stderr and exits with 2.
     */
    static Options parse(String[] args, Consumer<PrintStream> usage, String... known) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage.accept(System.out);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                fail("missing value for " + a, usage);
            }
            if (!Arrays.asList(known).contains(a)) {
                fail("unknown option " + a, usage);
            }
            o.values.computeIfAbsent(a, k -> new ArrayList<>()).add(args[++i]);
        }
        return o;
    }

    /** Prints the usage to stderr and exits with 2. */
    static void fail(String problem, Consumer<PrintStream> usage) {
        if (problem != null) {
            System.err.println(problem);
        }
        usage.accept(System.err);
        System.exit(2);
    }

    /** The last value given for {@code name}, or {@code otherwise}. */
    String get(String name, String otherwise) {
        List<String> v = values.get(name);
        return v == null ? otherwise : v.get(v.size() - 1);
    }

    /** The last value given for {@code name} as a path, or null. */
    Path path(String name) {
        String v = get(name, null);
        return v == null ? null : Paths.get(v);
    }

    /** Every value given for {@code name}, in order (a repeatable option). */
    List<String> all(String name) {
        return values.getOrDefault(name, Collections.emptyList());
    }
}
