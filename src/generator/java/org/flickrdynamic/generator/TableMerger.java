package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.flickrdynamic.generator.ApiReference.ApiMethod;
import org.flickrdynamic.generator.SeedManual.SeedArgument;
import org.flickrdynamic.generator.SeedManual.SeedMethod;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Paging;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;

/**
 * Merges the seed manual and the current API's list into one table. The rules: every method either
 * names; the current API wins for description, permission and arguments; the seed adds what the API
 * does not say (login and signing needs of the methods it details, examples, explanations, error codes).
 */
final class TableMerger {
    /**
     * Methods whose whole job is to take arguments neither source lists: flickr.test.echo echoes back
     * every parameter it is sent, so any name must pass validation.
     */
    private static final java.util.Set<String> ACCEPTS_ANY_ARGUMENTS = java.util.Set.of("flickr.test.echo");

    private static final Pattern MUST_BE_SIGNED = Pattern.compile("\\bmust be signed\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final SeedManual seed;
    private final ApiReference api;
    private final RecordedReflection recorded;
    private final FlickrFacts facts;
    private final String seedFile;
    private final Map<String, Paging> knownPaging;
    private final Map<Integer, ErrorSpec> common = new HashMap<>();
    private final Set<String> knownPagingUsed = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    private TableMerger(SeedManual seed, String seedFile, ApiReference api, RecordedReflection recorded,
                        FlickrFacts facts, Map<String, Paging> knownPaging) {
        this.seed = seed;
        this.seedFile = seedFile;
        this.api = api;
        this.recorded = recorded;
        this.facts = facts;
        this.knownPaging = knownPaging;
    }

    /**
     * Builds the table.
     *
     * @param seedSource  the line the table gives to describe the seed
     * @param recorded    Flickr's recorded reflection answers: error codes and signing flags
     * @param facts       what neither source states ({@link FlickrFacts})
     * @param knownPaging list and item elements for paged methods the seed has no paged example of
     *                    ({@link PagingGuide#KNOWN}); every entry must be needed
     * @throws IllegalArgumentException when the sources cannot be merged (an example that does not
     *                                  convert, a paged method whose item element nobody knows, a fact
     *                                  about a method the table lacks, ...)
     */
    static GeneratedTable merge(SeedManual seed, String seedFile, String seedSource, ApiReference api,
                                RecordedReflection recorded, FlickrFacts facts, Map<String, Paging> knownPaging) {
        return new TableMerger(seed, seedFile, api, recorded, facts, knownPaging).merge(seedSource);
    }

    private GeneratedTable merge(String seedSource) {
        for (ErrorSpec e : CommonErrors.of(seed)) {
            common.put(e.code(), e.withSource(FlickrFacts.SEED));
        }
        facts.commonErrors().forEach(common::putIfAbsent);
        for (int code : facts.temporaryCodes()) {
            ErrorSpec e = common.get(code);
            if (e == null) {
                throw new IllegalArgumentException(FlickrFacts.RESOURCE + " marks " + code
                        + " temporary, but it is not a common error code");
            }
            common.put(code, new ErrorSpec(code, e.message(), e.explanation(), e.source(), true));
        }
        List<ErrorSpec> commonErrors = new ArrayList<>(new TreeMap<>(common).values());
        Set<String> names = new TreeSet<>(seed.indexNames());
        names.addAll(api.methods().keySet());
        Set<String> unknown = new TreeSet<>(facts.observedErrors().keySet());
        unknown.addAll(facts.changesStateOnRead());
        unknown.addAll(facts.maxResults().keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(FlickrFacts.RESOURCE + " states facts about methods neither source names: "
                    + unknown);
        }
        List<MethodSpec> methods = new ArrayList<>();
        for (String name : names) {
            methods.add(method(name));
        }
        Set<String> stale = new TreeSet<>(knownPaging.keySet());
        stale.removeAll(knownPagingUsed);
        if (!stale.isEmpty()) {
            throw new IllegalArgumentException("PagingGuide.KNOWN lists methods that are not paged or whose "
                    + "paging the seed's example already shows: " + stale);
        }
        return new GeneratedTable(seedSource, api.source(), recorded.source(), commonErrors,
                facts.maxPage(), facts.uploads(), methods, notes);
    }

    /** Methods whose {@code oauth_token} argument names the token to check (Flickr's current API). */
    private static final Set<String> TOKEN_CHECKS = Set.of("flickr.auth.oauth.checkToken");

    private MethodSpec method(String name) {
        ApiMethod a = api.methods().get(name);
        SeedMethod s = seed.detailed().get(name);
        boolean inSeed = seed.indexNames().contains(name);
        Source source = a == null ? Source.SEED : inSeed ? Source.BOTH : Source.API;

        String description = a != null && !a.description().isBlank() ? a.description()
                : s != null ? s.description() : "";
        Permission permission = a != null ? a.permission()
                : s != null && s.needsLogin() ? Permission.READ : Permission.NONE;
        boolean needsLogin;
        boolean needsSigning;
        if (a == null) {
            // Only the seed knows the method: its statements are all there is.
            needsLogin = s != null && s.needsLogin();
            needsSigning = s != null && s.needsSigning();
        } else {
            // The current API decides: a method that needs no permission needs no login today, even where
            // the 2009 manual said it did (flickr.people.getPhotos, flickr.favorites.getList).
            // A method that requires the user's legacy token as an argument (flickr.auth.checkToken's
            // auth_token) needs a logged-in user even at permission none: the token is implicit, so only a
            // signed call as that user can carry it. flickr.auth.oauth.checkToken's oauth_token is an
            // ordinary argument instead: the current API asks no permission for it, and clients
            // (Flickr4Java) send it unsigned by OAuth, with the legacy api_sig.
            needsLogin = permission != Permission.NONE || requiresTokenArgument(a);
            needsSigning = needsLogin || saysMustBeSigned(description);
            RecordedReflection.Recorded r = recorded.methods().get(name);
            if (!needsSigning && r != null && r.needsSigning()) {
                // flickr.auth.oauth.getAccessToken: neither its permission nor its description says so.
                needsSigning = true;
                notes.add(name + ": Flickr's recorded reflection answer says it must be signed; the table follows it");
            }
            if (s != null) {
                noteAuthConflicts(s, needsLogin, needsSigning);
            }
        }
        String verb = permission == Permission.WRITE || permission == Permission.DELETE ? "POST" : "GET";
        List<ArgumentSpec> arguments = a != null ? apiArguments(a, s) : seedArguments(s);

        ExampleConverter.Converted example = null;
        if (s != null && s.example() != null) {
            example = ExampleConverter.convert(s.example(), seedFile);
        } else if (seed.overviewExamples().containsKey(name)) {
            example = ExampleConverter.convert(seed.overviewExamples().get(name), seedFile);
        }
        Paging paging = paging(name, arguments, example);

        if (a == null) {
            notes.add(name + ": the current API no longer lists it; the table marks it retired");
        }
        return new MethodSpec(name, description, source, needsLogin, needsSigning, permission, verb, arguments,
                paging, errors(name, s), example == null ? null : example.xml(), s == null ? null : s.explanation(),
                ACCEPTS_ANY_ARGUMENTS.contains(name), a == null, facts.changesStateOnRead().contains(name),
                facts.maxResults().getOrDefault(name, 0), null);
    }

    /**
     * A method's own codes, by code: the seed's (those not common), then the recorded reflection answer's
     * the seed lacks, then the codes Flickr is known to send undocumented. Each keeps its source.
     */
    private List<ErrorSpec> errors(String name, SeedMethod s) {
        Map<Integer, ErrorSpec> errors = new TreeMap<>();
        if (s != null) {
            for (ErrorSpec e : s.errors()) {
                if (!CommonErrors.isCommon(e, common)) {
                    errors.putIfAbsent(e.code(), e.withSource(FlickrFacts.SEED));
                }
            }
        }
        RecordedReflection.Recorded r = recorded.methods().get(name);
        if (r != null) {
            for (ErrorSpec e : r.errors()) {
                if (!common.containsKey(e.code())) {
                    errors.putIfAbsent(e.code(), e);
                }
            }
        }
        for (ErrorSpec e : facts.observedErrors().getOrDefault(name, List.of())) {
            if (errors.putIfAbsent(e.code(), e) != null) {
                throw new IllegalArgumentException(FlickrFacts.RESOURCE + " lists " + name + " code " + e.code()
                        + " as undocumented, but a source documents it: drop it from the facts");
            }
        }
        return List.copyOf(errors.values());
    }

    private static boolean requiresTokenArgument(ApiMethod a) {
        for (ArgumentSpec arg : a.arguments()) {
            if (arg.required() && arg.name().equals("auth_token")) {
                return true;
            }
        }
        return false;
    }

    /** The current API's arguments, implicit ones left out; a blank description filled from the seed. */
    private List<ArgumentSpec> apiArguments(ApiMethod a, SeedMethod s) {
        Map<String, SeedArgument> seedArgs = new HashMap<>();
        if (s != null) {
            for (SeedArgument sa : s.arguments()) {
                seedArgs.put(sa.name(), sa);
            }
        }
        List<ArgumentSpec> args = new ArrayList<>();
        for (ArgumentSpec arg : a.arguments()) {
            // checkToken's oauth_token is the token the method is about, not the caller's: an ordinary argument.
            boolean tokenToCheck = TOKEN_CHECKS.contains(a.name()) && arg.name().equals("oauth_token");
            if (isImplicit(arg.name()) && !tokenToCheck) {
                if (arg.required()) {
                    notes.add(a.name() + ": the current API lists " + arg.name() + " as a required argument; "
                            + "the table leaves it out, as it does every implicit parameter, and marks the method"
                            + " as needing a logged-in user, whose signed call carries it");
                }
                continue;
            }
            SeedArgument sa = seedArgs.remove(arg.name());
            String description = arg.description();
            if (description.isBlank() && sa != null && sa.description() != null) {
                description = sa.description();
            }
            if (sa != null && sa.required() != arg.required()) {
                notes.add(a.name() + ": " + arg.name() + " is " + (arg.required() ? "required" : "optional")
                        + " in the current API, " + (sa.required() ? "required" : "optional") + " in the seed; the table follows the API");
            }
            args.add(new ArgumentSpec(arg.name(), arg.required(), description));
        }
        seedArgs.keySet().removeIf(TableMerger::isImplicit);
        for (String dropped : new TreeSet<>(seedArgs.keySet())) {
            notes.add(a.name() + ": the seed's argument " + dropped + " is gone from the current API; the table follows the API");
        }
        return args;
    }

    private static List<ArgumentSpec> seedArguments(SeedMethod s) {
        List<ArgumentSpec> args = new ArrayList<>();
        if (s != null) {
            for (SeedArgument sa : s.arguments()) {
                if (!isImplicit(sa.name())) {
                    args.add(new ArgumentSpec(sa.name(), sa.required(), sa.description() == null ? "" : sa.description()));
                }
            }
        }
        return args;
    }

    private Paging paging(String name, List<ArgumentSpec> arguments, ExampleConverter.Converted example) {
        if (arguments.stream().noneMatch(arg -> PagingGuide.isPagingArgument(arg.name()))) {
            return null;
        }
        Paging shown = example == null ? null : PagingGuide.fromExample(example.payload());
        if (shown != null) {
            return shown;
        }
        Paging known = knownPaging.get(name);
        if (known == null) {
            throw new IllegalArgumentException(name + " is paged but neither the seed's example nor "
                    + "PagingGuide.KNOWN says its list and item elements; add it to PagingGuide.KNOWN");
        }
        knownPagingUsed.add(name);
        return known;
    }

    private void noteAuthConflicts(SeedMethod s, boolean needsLogin, boolean needsSigning) {
        if (s.needsLogin() != needsLogin) {
            notes.add(s.name() + ": the seed says it " + (s.needsLogin() ? "needs" : "does not need")
                    + " login, the current API says it " + (needsLogin ? "does" : "does not")
                    + "; the table follows the current API");
        }
        if (s.needsSigning() != needsSigning) {
            notes.add(s.name() + ": the seed says it " + (s.needsSigning() ? "needs" : "does not need")
                    + " signing, the current API says it " + (needsSigning ? "does" : "does not")
                    + "; the table follows the current API");
        }
    }

    /** Whether a description (HTML) says the call must be signed, e.g. "This call <b>must</b> be signed". */
    static boolean saysMustBeSigned(String description) {
        String text = TAG.matcher(description).replaceAll("").replaceAll("\\s+", " ");
        return MUST_BE_SIGNED.matcher(text).find();
    }

    /** api_key, api_sig, auth_token and the oauth_* parameters travel with every call; no method lists them. */
    static boolean isImplicit(String argument) {
        return argument.equals("api_key") || argument.equals("api_sig") || argument.equals("auth_token")
                || argument.startsWith("oauth_");
    }
}
