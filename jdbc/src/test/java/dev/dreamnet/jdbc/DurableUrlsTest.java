package dev.dreamnet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Regression: the embedded H2 database wrote commits up to 500 ms late, so a SIGKILL lost acknowledged writes. */
class DurableUrlsTest {

    @Test
    void anH2DatabaseOnDiskWritesEveryCommitBeforeItReturns() {
        assertThat(DurableUrls.durableOnCommit("jdbc:h2:file:/srv/data/dreamnet;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/srv/data/dreamnet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(DurableUrls.durableOnCommit("jdbc:h2:./data/app")).isEqualTo("jdbc:h2:./data/app;WRITE_DELAY=0");
        assertThat(DurableUrls.losesCommitsInACrash("jdbc:h2:file:/srv/data/dreamnet")).isTrue();
        assertThat(DurableUrls.losesCommitsInACrash(DurableUrls.durableOnCommit("jdbc:h2:file:/srv/data/dreamnet")))
                .isFalse();
    }

    @Test
    void aWriteDelayTheUserSetIsKeptAndReportedAsLossy() {
        String url = "jdbc:h2:file:/srv/data/dreamnet;write_delay = 200";
        assertThat(DurableUrls.durableOnCommit(url)).isEqualTo(url);
        assertThat(DurableUrls.losesCommitsInACrash(url)).isTrue();
        assertThat(DurableUrls.losesCommitsInACrash("jdbc:h2:file:/srv/data/dreamnet;WRITE_DELAY=0")).isFalse();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://db/app",
                "jdbc:postgresql://127.0.0.1/app?user=app"}) {
            assertThat(DurableUrls.durableOnCommit(url)).isEqualTo(url);
            assertThat(DurableUrls.losesCommitsInACrash(url)).isFalse();
        }
    }
}
