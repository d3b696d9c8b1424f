package dev.dreamnet.core.rollout.internal;

import java.nio.charset.StandardCharsets;

/**
 * XXH64 (Yann Collet's xxHash, 64-bit variant) of a string's UTF-8 bytes. ASCII strings are hashed
 * straight from their chars without allocating; others are encoded first. Stateless and thread-safe.
 */
public final class XxHash64 {

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    /** XXH64 of the UTF-8 encoding of {@code text} with {@code seed}. */
    public static long hash(String text, long seed) {
        return hashBytes(isAscii(text) ? text : latin1View(text), seed);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A string whose chars are the UTF-8 bytes of {@code text}, one byte a char (the rare, allocating path). */
    private static String latin1View(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** XXH64 of the bytes {@code bytes.charAt(i)}: every char of {@code bytes} is below 256. */
    private static long hashBytes(String bytes, long seed) {
        int length = bytes.length();
        int at = 0;
        long h;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            for (; at <= length - 32; at += 32) {
                v1 = round(v1, word(bytes, at));
                v2 = round(v2, word(bytes, at + 8));
                v3 = round(v3, word(bytes, at + 16));
                v4 = round(v4, word(bytes, at + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(merge(merge(merge(h, v1), v2), v3), v4);
        } else {
            h = seed + P5;
        }
        h += length;
        for (; at <= length - 8; at += 8) {
            h ^= round(0, word(bytes, at));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (at <= length - 4) {
            h ^= (int32(bytes, at) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            at += 4;
        }
        for (; at < length; at++) {
            h ^= bytes.charAt(at) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        return avalanche(h);
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * P2, 31) * P1;
    }

    private static long merge(long h, long v) {
        return (h ^ round(0, v)) * P1 + P4;
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ (h >>> 32);
    }

    private static long word(String bytes, int at) {
        return (int32(bytes, at) & 0xFFFFFFFFL) | ((long) int32(bytes, at + 4) << 32);
    }

    private static int int32(String bytes, int at) {
        return bytes.charAt(at) | bytes.charAt(at + 1) << 8 | bytes.charAt(at + 2) << 16 | bytes.charAt(at + 3) << 24;
    }
}
