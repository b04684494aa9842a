package org.flickrdynamic.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.MethodTableException;
import org.flickrdynamic.table.MethodTableWriter;
import org.flickrdynamic.table.Paging;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;

/**
 * {@code flickr methods refresh}: rebuilds a method table from a live endpoint's
 * {@code flickr.reflection.getMethods} and {@code flickr.reflection.getMethodInfo}, in the methods.yaml
 * format. The live answers decide names, descriptions, arguments, required flags, login, signing,
 * permission and error codes. What Flickr's reflection does not tell (paging, example answers,
 * explanations, the HTTP verb, the common error codes) is read from the extra attributes a sandbox adds,
 * else kept from the bundled table, so a refresh loses nothing the bundled table knew.
 */
final class MethodsRefresh {
    /** getMethodInfo calls in flight at once: quicker than one by one, still polite to Flickr. */
    private static final int PARALLEL = 4;

    private final FlickrClient client;
    private final MethodTable bundled;

    /** What a refresh produced: the file's text and a one-line summary. */
    record Result(String yaml, String summary) {
    }

    MethodsRefresh(FlickrClient client, MethodTable bundled) {
        this.client = client;
        this.bundled = bundled;
    }

    Result run() {
        List<String> names = new ArrayList<>();
        Element methods = client.call("flickr.reflection.getMethods").element("methods");
        if (methods == null) {
            throw new FlickrTransportException("flickr.reflection.getMethods answered without a <methods> element",
                    0, false, null);
        }
        for (Element m : methods.elements("method")) {
            names.add(m.getTextTrim());
        }
        List<Element> infos = fetchAll(names);
        Result result;
        try {
            result = build(infos);
        } catch (FlickrException e) {
            throw e;
        } catch (RuntimeException e) {
            // A reflection answer this refresh cannot read: say so instead of failing deep inside.
            throw new FlickrTransportException("The reflection answers from " + client.endpoint()
                    + " cannot be made into a method table: " + e.getMessage(), 0, false, null);
        }
        checkLoads(result.yaml());
        return result;
    }

    private Result build(List<Element> infos) {
        Map<Integer, ErrorSpec> common = new LinkedHashMap<>(bundled.commonErrors());
        for (Element info : infos) {
            for (Element e : errors(info)) {
                if ("1".equals(e.attributeValue("common"))) {
                    ErrorSpec spec = error(name(info), e);
                    common.put(spec.code(), spec);
                }
            }
        }
        List<MethodSpec> specs = new ArrayList<>();
        int kept = 0;
        for (Element info : infos) {
            Element m = info.element("method");
            String name = name(info);
            MethodSpec before = bundled.find(name).filter(s -> s.name().equals(name)).orElse(null);
            MethodSpec spec = spec(info, before, common);
            if (before != null && (m.element("response") == null && before.exampleResponse() != null
                    || m.attributeValue("paginglist") == null && before.paging() != null)) {
                kept++;
            }
            specs.add(spec);
        }
        specs.sort((a, b) -> a.name().compareTo(b.name()));
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("api", "flickr.reflection.getMethods and getMethodInfo at " + client.endpoint());
        sources.put("bundled", "flickr-dynamic's bundled table, for what the answers lack");
        String yaml = MethodTableWriter.write(List.of(
                "The Flickr API method table, rebuilt by `flickr methods refresh` from " + client.endpoint() + ".",
                "Paging, examples and explanations the live answers lack are kept from the bundled table.",
                "Load it with FlickrClient.builder().methodTable(Path.of(\"this file\"))."),
                sources, List.copyOf(common.values()), specs);
        return new Result(yaml, specs.size() + " methods from " + client.endpoint() + "; " + kept
                + " kept paging or examples from the bundled table");
    }

    /** The rebuilt table must load as any table does, or no file is written. */
    private void checkLoads(String yaml) {
        try {
            Path probe = Files.createTempFile("flickr-methods-", ".yaml");
            try {
                Files.writeString(probe, yaml);
                MethodTable.load(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (MethodTableException e) {
            throw new FlickrTransportException("The table rebuilt from " + client.endpoint() + " would not load ("
                    + e.problems().get(0) + "), so nothing was written", 0, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the rebuilt table in a temporary file", e);
        }
    }

    /** Every method's getMethodInfo answer, in the order of {@code names}. */
    private List<Element> fetchAll(List<String> names) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "methods-refresh");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Element>> answers = new ArrayList<>();
            for (String name : names) {
                answers.add(pool.submit(() -> client.call("flickr.reflection.getMethodInfo", "method_name", name)));
            }
            List<Element> infos = new ArrayList<>();
            for (Future<Element> f : answers) {
                infos.add(f.get());
            }
            return infos;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FlickrException fe) {
                throw fe;
            }
            throw new FlickrTransportException("getMethodInfo failed: " + e.getCause(), 0, false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlickrTransportException("interrupted", 0, false, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private MethodSpec spec(Element info, MethodSpec before, Map<Integer, ErrorSpec> common) {
        Element m = info.element("method");
        String name = m.attributeValue("name");
        Permission permission = permission(name, m.attributeValue("requiredperms"));
        boolean login = "1".equals(m.attributeValue("needslogin"));
        boolean signing = "1".equals(m.attributeValue("needssigning"));
        List<ArgumentSpec> arguments = new ArrayList<>();
        Element args = info.element("arguments");
        for (Element a : args == null ? List.<Element>of() : args.elements("argument")) {
            String argName = a.attributeValue("name");
            if (argName == null || argName.isBlank()) {
                throw new IllegalArgumentException("an argument of " + name + " has no name");
            }
            boolean required = "0".equals(a.attributeValue("optional"));
            // checkToken's oauth_token is the token to check, not the caller's: an argument of its own.
            boolean tokenToCheck = name.equals("flickr.auth.oauth.checkToken") && argName.equals("oauth_token");
            if (implicit(argName) && !tokenToCheck) {
                // A required token argument means the method acts for a logged-in user, whose signed call carries it.
                if (required && (argName.equals("oauth_token") || argName.equals("auth_token"))) {
                    login = true;
                    signing = true;
                }
                continue;
            }
            arguments.add(new ArgumentSpec(argName, required, a.getText()));
        }
        List<ErrorSpec> own = new ArrayList<>();
        for (Element e : errors(info)) {
            ErrorSpec spec = error(name, e);
            ErrorSpec shared = common.get(spec.code());
            if (!"1".equals(e.attributeValue("common")) && !(shared != null && shared.message().equals(spec.message()))) {
                own.add(spec);
            }
        }
        Paging paging = m.attributeValue("paginglist") != null && m.attributeValue("pagingitem") != null
                ? new Paging(m.attributeValue("paginglist"), m.attributeValue("pagingitem"))
                : before != null ? before.paging() : null;
        String verb = m.attributeValue("httpverb") != null ? m.attributeValue("httpverb")
                : before != null ? before.httpVerb() : permission.covers(Permission.WRITE) ? "POST" : "GET";
        Source source = m.attributeValue("source") != null ? source(m.attributeValue("source"))
                : before != null ? before.source() : Source.API;
        Element response = m.element("response");
        Element explanation = m.element("explanation");
        Element description = m.element("description");
        return new MethodSpec(name, description == null ? "" : description.getText(), source, login, signing,
                permission, verb, arguments, paging, own,
                response != null ? response.getText() : before != null ? before.exampleResponse() : null,
                explanation != null ? explanation.getText() : before != null ? before.explanation() : null,
                "1".equals(m.attributeValue("anyarguments")) || m.attributeValue("anyarguments") == null
                        && before != null && before.acceptsAnyArguments());
    }

    /** The method's name, which every getMethodInfo answer must give. */
    private static String name(Element info) {
        Element m = info.element("method");
        if (m == null || m.attributeValue("name") == null || m.attributeValue("name").isBlank()) {
            throw new IllegalArgumentException("a getMethodInfo answer has no <method name=...>");
        }
        return m.attributeValue("name");
    }

    private static List<Element> errors(Element info) {
        Element errors = info.element("errors");
        return errors == null ? List.of() : errors.elements("error");
    }

    private static ErrorSpec error(String method, Element e) {
        String text = e.getText();
        String code = e.attributeValue("code");
        String message = e.attributeValue("message");
        if (code == null || !code.strip().matches("\\d{1,9}") || message == null) {
            throw new IllegalArgumentException("an error of " + method + " has "
                    + (message == null ? "no message" : "the code '" + code + "'"));
        }
        return new ErrorSpec(Integer.parseInt(code.strip()), message, text == null || text.isEmpty() ? null : text);
    }

    /** {@code requiredperms}: 0 none, 1 read, 2 write, 3 delete; absent means none. */
    private static Permission permission(String name, String perms) {
        if (perms == null) {
            return Permission.NONE;
        }
        return switch (perms.strip()) {
            case "0" -> Permission.NONE;
            case "1" -> Permission.READ;
            case "2" -> Permission.WRITE;
            case "3" -> Permission.DELETE;
            default -> throw new IllegalArgumentException(name + " has requiredperms '" + perms + "', not 0 to 3");
        };
    }

    private static Source source(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "seed" -> Source.SEED;
            case "both" -> Source.BOTH;
            default -> Source.API;
        };
    }

    /** api_key, api_sig, auth_token and the oauth_* parameters travel with every call; no method lists them. */
    private static boolean implicit(String argument) {
        return argument.equals("api_key") || argument.equals("api_sig") || argument.equals("auth_token")
                || argument.startsWith("oauth_");
    }
}
