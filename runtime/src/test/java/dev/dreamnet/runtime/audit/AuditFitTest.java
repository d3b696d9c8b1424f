package dev.dreamnet.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the audit log takes as a reason, and how an entry longer than its columns is kept rather than refused. */
class AuditFitTest {

    @Test
    void aReasonIsOneLineOfAtMostAThousandCharacters() {
        assertThat(AuditReason.check("INC-42: provider melting, é ✓")).isEqualTo("INC-42: provider melting, é ✓");
        assertThat(AuditReason.check("r".repeat(1000))).hasSize(1000);
        assertThatThrownBy(() -> AuditReason.check("r".repeat(1001)))
                .hasMessage("reason must be at most 1000 characters (UTF-16 units: most emoji count as two), was 1001");
        assertThatThrownBy(() -> AuditReason.check("  ")).hasMessageStartingWith("reason must not be blank");
        assertThatThrownBy(() -> AuditReason.check("INC-1\nforged")).hasMessageContaining("U+000A at character 6");
        assertThatThrownBy(() -> AuditReason.check("nul\0")).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> AuditReason.check("\u001b[31mred")).hasMessageContaining("U+001B");
        assertThatThrownBy(() -> AuditReason.check("c1\u009b")).hasMessageContaining("U+009B");
    }

    @Test
    void aReasonHasNoLineSeparatorTextDirectionCharacterOrHalfASurrogatePair() {
        // Bug: U+2028 (a new line to some readers), U+202E (which reverses the text after it on a terminal) and a lone
        // surrogate (stored as \ud800, logged as ?) were taken; U+0085 was already refused.
        assertThatThrownBy(() -> AuditReason.check("a\u2028b")).hasMessageContaining("U+2028 at character 2");
        assertThatThrownBy(() -> AuditReason.check("a\u2029b")).hasMessageContaining("U+2029");
        assertThatThrownBy(() -> AuditReason.check("INC-7 \u202Egnp.exe")).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> AuditReason.check("x\u2066y")).hasMessageContaining("U+2066");
        assertThatThrownBy(() -> AuditReason.check("\ud800")).hasMessageContaining("U+D800");
        assertThatThrownBy(() -> AuditReason.check("ok\udc00")).hasMessageContaining("U+DC00 at character 3");
        assertThat(AuditReason.check("deploy \uD83D\uDE80 done")).as("a whole emoji is text")
                .isEqualTo("deploy \uD83D\uDE80 done");
        assertThat(AuditReason.check("\u05E9\u05DC\u05D5\u05DD")).as("right-to-left script itself is text")
                .isEqualTo("\u05E9\u05DC\u05D5\u05DD");
    }

    @Test
    void aTextLongerThanItsColumnIsCutSayingHowLongItWas() {
        String state = "mode=NORMAL overrides={" + "long-flag-name=false, ".repeat(40) + "}";
        AuditEntry fitted = AuditStore.fitted(new AuditEntry(0, Instant.EPOCH, "ops", "mode.brownout", "mode",
                state, state, "INC-1"));

        assertThat(fitted.before()).hasSize(400).startsWith("mode=NORMAL overrides={long-flag-name=false")
                .endsWith(" ... (" + state.length() + " characters in all)");
        assertThat(fitted.after()).isEqualTo(fitted.before());
        assertThat(fitted.reason()).isEqualTo("INC-1");
        assertThat(AuditStore.fit(null, 400)).isNull();
        assertThat(AuditStore.fit("x".repeat(400), 400)).hasSize(400).doesNotContain("...");
    }

    @Test
    void aCutNeverSplitsACharacterInTwo() {
        String suffix = " ... (500 characters in all)";
        String text = "a".repeat(400 - suffix.length() - 1) + "😀" + "b".repeat(500 - (400 - suffix.length() + 1));

        String cut = AuditStore.fit(text, 400);

        assertThat(cut).hasSizeLessThanOrEqualTo(400).endsWith(suffix);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - suffix.length() - 1))).isFalse();
    }
}
