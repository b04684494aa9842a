package org.flickrdynamic.internal.response;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Passes bytes through while checking they are well-formed UTF-8 (RFC 3629): no stray continuation bytes,
 * no overlong forms (such as {@code C0 AF} for {@code /}), no surrogates, nothing past U+10FFFF, no
 * sequence cut off at the end. The XML parser decodes UTF-8 leniently, so this is where a smuggled
 * character is stopped. ASCII runs are checked eight bytes at a time, which makes the check almost free.
 */
final class StrictUtf8InputStream extends FilterInputStream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private int pending;       // continuation bytes still expected
    private int codePoint;     // the code point being decoded
    private int smallest;      // the smallest code point its length may encode
    private long offset;       // bytes checked so far, for messages
    private CharConversionException failure;

    StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            check(b, off, off + n);
        } else if (n < 0 && pending > 0) {
            throw fail("the answer ends inside a UTF-8 sequence");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would go unchecked; the parser never skips, so refuse rather than guess.
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The encoding fault found, or {@code null}. */
    CharConversionException failure() {
        return failure;
    }

    private void check(byte[] b, int from, int end) throws CharConversionException {
        int i = from;
        while (i < end) {
            if (pending == 0) {
                while (i + 8 <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == end) {
                    break;
                }
                int c = b[i++];
                if (c >= 0) {
                    continue;
                }
                c &= 0xff;
                if (c < 0xC2) { // a continuation byte, or the lead of an overlong two-byte form
                    throw fail(c, from, i);
                } else if (c < 0xE0) {
                    start(1, c & 0x1F, 0x80);
                } else if (c < 0xF0) {
                    start(2, c & 0x0F, 0x800);
                } else if (c < 0xF5) {
                    start(3, c & 0x07, 0x10000);
                } else {
                    throw fail(c, from, i);
                }
            } else {
                int c = b[i++] & 0xff;
                if ((c & 0xC0) != 0x80) {
                    throw fail(c, from, i);
                }
                codePoint = (codePoint << 6) | (c & 0x3F);
                if (--pending == 0 && (codePoint < smallest || codePoint > 0x10FFFF
                        || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) {
                    throw fail("invalid UTF-8: an encoded U+" + Integer.toHexString(codePoint).toUpperCase()
                            + (codePoint < smallest ? " in an overlong form" : " is not a character")
                            + " ending at byte " + (offset + i - from));
                }
            }
        }
        offset += end - from;
    }

    private void start(int continuation, int bits, int min) {
        pending = continuation;
        codePoint = bits;
        smallest = min;
    }

    private CharConversionException fail(int c, int from, int i) {
        return fail("invalid UTF-8: unexpected byte 0x" + Integer.toHexString(c).toUpperCase() + " at byte "
                + (offset + i - 1 - from));
    }

    private CharConversionException fail(String message) {
        failure = new CharConversionException(message);
        return failure;
    }
}
