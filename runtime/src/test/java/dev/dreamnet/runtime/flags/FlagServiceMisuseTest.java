package dev.dreamnet.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.runtime.DreamNet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dreamnet.flags()} asked about no flag at all. */
class FlagServiceMisuseTest {

    private final ManualScheduler time = new ManualScheduler();
    private DreamNet dreamnet;

    @BeforeEach
    void build() throws Exception {
        dreamnet = DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:flags_misuse_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
    }

    @AfterEach
    void stop() {
        dreamnet.shutdown();
    }

    @Test
    void allowsRefusesANullNameNamingIt() {
        // It threw 'Cannot invoke "String.hashCode()"' from inside the snapshot's map.
        assertThatThrownBy(() -> dreamnet.flags().allows(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("flag name");
        assertThat(dreamnet.flags().allows("not-in-the-file")).as("documented: a name the file does not define is allowed")
                .isTrue();
    }
}
