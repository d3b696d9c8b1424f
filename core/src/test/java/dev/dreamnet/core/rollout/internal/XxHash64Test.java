package dev.dreamnet.core.rollout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** XXH64 against the reference values (the first three are xxHash's published ones). */
class XxHash64Test {

    @Test
    void matchesTheReferenceForShortInputs() {
        assertThat(XxHash64.hash("", 0)).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(XxHash64.hash("a", 0)).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(XxHash64.hash("abc", 0)).isEqualTo(0x44BC2CF5AD770999L);
    }

    @Test
    void matchesTheReferenceForInputsOfManyStripesWithASeed() {
        String text = "The quick brown fox jumps over the lazy dog, twice over: the quick brown fox";

        assertThat(text).hasSize(76);
        assertThat(XxHash64.hash(text, 0)).isEqualTo(0x155A13758797181BL);
        assertThat(XxHash64.hash(text, 2_654_435_761L)).isEqualTo(0xA4FDE6E472950954L);
    }

    @Test
    void hashesNonAsciiTextAsItsUtf8Bytes() {
        assertThat(XxHash64.hash("Zoë", 0x76EA24AAE11DEC02L)).isEqualTo(0x658542C7B2307EAAL);
    }
}
