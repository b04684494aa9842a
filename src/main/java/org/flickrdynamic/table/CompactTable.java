package org.flickrdynamic.table;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bundled method table in a compact binary form the build writes next to methods.yaml
 * ({@code methods.bin}), so that a fresh JVM's first call reads its one method without loading a YAML
 * parser: the names are read at once, each method's record when it is first looked up, the common errors,
 * limits and uploads when first needed.
 *
 * <p>The form carries the CRC-32 and length of the YAML it was made from; {@link #read} refuses it for any
 * other YAML, so the bundled table is always the methods.yaml beside it. Layout (big-endian): magic
 * {@code FDT1}, the YAML's CRC and length, the method count, each name and its record's offset, the header
 * record's offset, then the records. A string is its UTF-8 length and bytes, -1 for null.
 */
final class CompactTable {
    /** Where the compact form sits on the class path, beside {@link MethodTable#RESOURCE}. */
    static final String RESOURCE = "/org/flickrdynamic/methods.bin";
    private static final int MAGIC = 0x46445431; // "FDT1"
    private static final Source[] SOURCES = Source.values();
    private static final Permission[] PERMISSIONS = Permission.values();

    private CompactTable() {
    }

    /**
     * Writes the compact form of a table file, for the build: {@code CompactTable METHODS_YAML OUT_FILE}.
     * The table is loaded whole and checked as any user's file is.
     */
    public static void main(String[] args) throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of(args[0]));
        MethodTable table = MethodTable.load(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, write(table, yaml));
    }

    /** The compact form of {@code table}, which was read from {@code yaml}. */
    static byte[] write(MethodTable table, byte[] yaml) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(records);
        List<Integer> offsets = new ArrayList<>();
        for (MethodSpec m : table.methods()) {
            offsets.add(r.size());
            method(r, m);
        }
        int headerAt = r.size();
        r.writeInt(table.commonErrors().size());
        for (ErrorSpec e : table.commonErrors().values()) {
            error(r, e);
        }
        r.writeInt(table.maxPage());
        r.writeInt(table.uploads().size());
        for (MethodSpec u : table.uploads().values()) {
            method(r, u);
        }
        r.flush();

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(all);
        d.writeInt(MAGIC);
        d.writeInt((int) crc(yaml));
        d.writeInt(yaml.length);
        d.writeInt(offsets.size());
        for (int k = 0; k < offsets.size(); k++) {
            string(d, table.names().get(k));
            d.writeInt(offsets.get(k));
        }
        d.writeInt(headerAt);
        records.writeTo(d);
        d.flush();
        return all.toByteArray();
    }

    private static void method(DataOutputStream d, MethodSpec m) throws IOException {
        string(d, m.name());
        string(d, m.description());
        d.writeByte(m.source().ordinal());
        d.writeBoolean(m.needsLogin());
        d.writeBoolean(m.needsSigning());
        d.writeByte(m.permission().ordinal());
        string(d, m.httpVerb());
        d.writeInt(m.arguments().size());
        for (ArgumentSpec a : m.arguments()) {
            string(d, a.name());
            d.writeBoolean(a.required());
            string(d, a.description());
        }
        d.writeBoolean(m.paging() != null);
        if (m.paging() != null) {
            string(d, m.paging().listElement());
            string(d, m.paging().itemElement());
        }
        d.writeInt(m.errors().size());
        for (ErrorSpec e : m.errors()) {
            error(d, e);
        }
        string(d, m.exampleResponse());
        string(d, m.explanation());
        d.writeBoolean(m.acceptsAnyArguments());
        d.writeBoolean(m.retired());
        d.writeBoolean(m.changesStateOnRead());
        d.writeInt(m.maxResults());
        string(d, m.endpoint());
    }

    private static void error(DataOutputStream d, ErrorSpec e) throws IOException {
        d.writeInt(e.code());
        string(d, e.message());
        string(d, e.explanation());
        string(d, e.source());
        d.writeBoolean(e.temporary());
    }

    private static void string(DataOutputStream d, String s) throws IOException {
        if (s == null) {
            d.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeInt(b.length);
        d.write(b);
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * The table in {@code data}, read lazily, or {@code null} when {@code data} is not a compact form of
     * exactly {@code yaml} (made from another methods.yaml, or damaged).
     */
    static MethodTable read(byte[] data, byte[] yaml, String origin) {
        if (data == null || data.length < 16) {
            return null;
        }
        Cursor c = new Cursor(data, 0);
        if (c.i() != MAGIC || c.i() != (int) crc(yaml) || c.i() != yaml.length) {
            return null;
        }
        int n = c.i();
        List<String> names = new ArrayList<>(n);
        int[] offsets = new int[n];
        for (int k = 0; k < n; k++) {
            names.add(c.s());
            offsets[k] = c.i();
        }
        int headerAt = c.i();
        int base = c.at;
        return new MethodTable(origin, names, k -> new Cursor(data, base + offsets[k]).method(), () -> {
            Cursor h = new Cursor(data, base + headerAt);
            Map<Integer, ErrorSpec> common = new LinkedHashMap<>();
            for (int k = h.i(); k > 0; k--) {
                ErrorSpec e = h.error();
                common.put(e.code(), e);
            }
            int maxPage = h.i();
            List<MethodSpec> uploads = new ArrayList<>();
            for (int k = h.i(); k > 0; k--) {
                uploads.add(h.method());
            }
            return TableHeader.of(common, maxPage, uploads);
        });
    }

    /** Reads records from a position of the compact form. */
    private static final class Cursor {
        private final byte[] b;
        private int at;

        Cursor(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        int i() {
            int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
            at += 4;
            return v;
        }

        int u8() {
            return b[at++] & 0xff;
        }

        boolean z() {
            return b[at++] != 0;
        }

        String s() {
            int n = i();
            if (n < 0) {
                return null;
            }
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        ErrorSpec error() {
            return new ErrorSpec(i(), s(), s(), s(), z());
        }

        MethodSpec method() {
            String name = s();
            String description = s();
            Source source = SOURCES[u8()];
            boolean needsLogin = z();
            boolean needsSigning = z();
            Permission permission = PERMISSIONS[u8()];
            String verb = s();
            List<ArgumentSpec> arguments = new ArrayList<>();
            for (int k = i(); k > 0; k--) {
                arguments.add(new ArgumentSpec(s(), z(), s()));
            }
            Paging paging = z() ? new Paging(s(), s()) : null;
            List<ErrorSpec> errors = new ArrayList<>();
            for (int k = i(); k > 0; k--) {
                errors.add(error());
            }
            return new MethodSpec(name, description, source, needsLogin, needsSigning, permission, verb, arguments,
                    paging, errors, s(), s(), z(), z(), z(), i(), s());
        }
    }
}
