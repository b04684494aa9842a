package org.flickrdynamic.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds methods.yaml from its two sources. Run it with {@code bin/regenerate-methods [SHARED_DIR]};
 * the file it writes is reviewed in diffs and never edited by hand.
 *
 * <p>Usage: {@code RegenerateMethods SHARED_DIR OUTPUT_FILE}, where SHARED_DIR holds
 * {@value #SEED} and {@value #API}.
 */
public final class RegenerateMethods {
    /** The seed manual, relative to the shared folder. */
    public static final String SEED = "seeds/002_f0066e5f0a05da11.txt";
    /** The current API's method list, relative to the shared folder. */
    public static final String API = "reference/flickr-api-methods-2023.json";

    private RegenerateMethods() {
    }

    /** Writes the table, then prints where the sources disagreed and how the table resolved it. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RegenerateMethods SHARED_DIR OUTPUT_FILE");
            System.exit(2);
        }
        GeneratedTable table = build(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.writeString(out, render(table), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + ": " + table.methods().size() + " methods, "
                + table.methods().stream().filter(m -> m.paging() != null).count() + " paged, "
                + table.commonErrors().size() + " common error codes");
        for (String note : table.notes()) {
            System.out.println("  note: " + note);
        }
    }

    /**
     * Reads both sources from the shared folder and merges them.
     *
     * @throws IOException              when a source cannot be read (a missing file names its path)
     * @throws IllegalArgumentException when a source is not shaped as expected (names file and line)
     */
    static GeneratedTable build(Path shared) throws IOException {
        String seedText = Files.readString(shared.resolve(SEED), StandardCharsets.UTF_8);
        String apiText = Files.readString(shared.resolve(API), StandardCharsets.UTF_8);
        SeedManual seed = SeedParser.parse(SEED, seedText);
        ApiReference api = ApiReference.parse(API, apiText);
        return TableMerger.merge(seed, SEED, seedDescription(seed), api, RecordedReflection.bundled(),
                FlickrFacts.bundled(), PagingGuide.KNOWN);
    }

    /** The whole methods.yaml text for a table. */
    static String render(GeneratedTable table) {
        return YamlWriter.write(table, List.of(
                "methods.yaml: the Flickr API method table of flickr-dynamic.",
                "",
                "GENERATED FILE, do not edit by hand. Rebuild it with:  bin/regenerate-methods [SHARED_DIR]",
                "(SHARED_DIR defaults to ../shared). It merges two sources found there:",
                "  " + SEED + "  the manual of a Scheme wrapper for Flickr",
                "  " + API + "  the current API's method list",
                "with two data files of the generator (src/generator/resources/org/flickrdynamic/generator):",
                "  " + RecordedReflection.RESOURCE + "  Flickr's recorded reflection answers (error codes, signing)",
                "  " + FlickrFacts.RESOURCE + "  facts neither source states, each with its evidence",
                "To change an entry, change the generator (src/generator/java) or its sources and regenerate.",
                "Every field is described in docs/method-table.md.",
                ""));
    }

    private static String seedDescription(SeedManual seed) {
        long cut = seed.detailed().values().stream().filter(SeedManual.SeedMethod::truncated).count();
        return "Manual of the Scheme wrapper dvanhorn/flickr 2.2: " + seed.indexNames().size()
                + " methods in its index, " + seed.detailed().size() + " documented in detail"
                + (cut > 0 ? " (the file ends inside the last one)" : "");
    }
}
