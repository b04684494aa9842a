package org.flickrdynamic.internal.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.internal.response.PrettyXml;
import org.flickrdynamic.walk.Walk;

/**
 * One method call of bin/flickr: the whole {@code <rsp>}, or its pages with {@code --all-pages}, or only
 * what {@code --xpath} selects, written to standard output or, whole or not at all, to {@code --output}.
 * The expression and the output file are checked before anything is sent.
 */
final class MethodCall {
    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;

    /** @param progress the bar to draw while pages arrive, or {@code null} for none */
    MethodCall(PrintStream out, PrintStream err, Progress progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    int run(Clients clients, String method, Map<String, String> params, String xpath, boolean allPages, String output) {
        XPathQuery query;
        try {
            query = xpath == null ? null : XPathQuery.compile(xpath);
        } catch (IllegalArgumentException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        return clients.with(err, client -> write(output, o -> {
            if (allPages) {
                pages(client, method, params, query, o);
            } else {
                Element rsp = client.call(method, params);
                if (query != null) {
                    query.print(rsp, o);
                } else {
                    o.println(PrettyXml.write(rsp));
                }
            }
        }));
    }

    /** Every page's items, or every page's matches, as each page arrives. */
    private void pages(FlickrClient client, String method, Map<String, String> params, XPathQuery query, PrintStream o) {
        // A Ctrl-C or SIGTERM ends the JVM through its shutdown hooks: the bar is wiped then too, so the
        // shell's prompt starts on a clean line.
        Thread wipe = progress == null ? null : new Thread(progress::clear, "flickr-progress-wipe");
        if (wipe != null) {
            Runtime.getRuntime().addShutdownHook(wipe);
        }
        try (Walk<Element> pages = client.pages(method, params)) {
            String item = client.table().find(method).map(s -> s.paging().itemElement()).orElse(null);
            for (Element page : pages) {
                List<Element> items = page.elements(item);
                if (progress != null) {
                    progress.clear(); // standard output may be the bar's terminal: items go on lines of their own
                }
                if (query != null) {
                    query.print(page.getParent(), o); // the page's <rsp>, as a single call is queried
                } else {
                    for (Element e : items) {
                        o.println(PrettyXml.write(e));
                    }
                }
                if (o.checkError()) {
                    // A closed pipe (| head) or a full disk: fetching more pages would only lose them.
                    if (StandardOutput.readerLeft(o)) {
                        throw new ReaderLeft();
                    }
                    throw new Output.OutputException("cannot write the output (it was closed, or the disk is full);"
                            + " stopped after page " + page.attributeValue("page"));
                }
                if (progress != null) {
                    o.flush(); // the items reach the terminal before the bar is drawn after them
                    progress.page(page, items.size());
                }
            }
        } finally {
            if (progress != null) {
                progress.clear(); // before the output that follows, or the error message of a failed walk
                try {
                    Runtime.getRuntime().removeShutdownHook(wipe);
                } catch (IllegalStateException stopping) {
                    // The JVM is already stopping; the hook wipes the bar.
                }
            }
        }
    }

    /**
     * Writes a result to standard output, or to a file that appears only when {@code body} succeeds.
     * An output file that cannot be written is a usage error, found before {@code body} runs.
     */
    int write(String output, Consumer<PrintStream> body) {
        Output o;
        try {
            o = Output.of(output, out);
        } catch (Output.OutputException e) {
            return FlickrCommand.usage(err, e.getMessage());
        }
        try (o) {
            body.accept(o.stream());
            o.commit();
            return FlickrCommand.OK;
        } catch (ReaderLeft e) {
            return FlickrCommand.OK; // | head has all it wanted: a quiet end, as the pipe's reader chose
        } catch (Output.OutputException | IllegalArgumentException e) {
            // Writing failed, or an expression failed on the answer: the command line was fine, so no usage.
            err.println("flickr: " + e.getMessage());
            return FlickrCommand.USAGE;
        }
    }

    /** The reader of standard output closed the pipe: nothing more is fetched or written. */
    private static final class ReaderLeft extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderLeft() {
            super(null, null, false, false);
        }
    }
}
