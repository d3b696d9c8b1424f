package dev.dreamnet.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void hexOfTheEmptyStringIsTheKnownVector() {
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hexOfAbcIsTheKnownVector() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aDigestIsNotAffectedByTheOneBeforeIt() {
        byte[] first = Sha256.of("abc");
        Sha256.of("something else entirely");

        assertThat(Sha256.of("abc")).isEqualTo(first).hasSize(32);
        assertThat(HexFormat.of().formatHex(first)).isEqualTo(Sha256.hex("abc"));
    }
}
