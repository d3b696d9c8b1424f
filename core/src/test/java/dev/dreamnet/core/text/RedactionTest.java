package dev.dreamnet.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksThePasswordOfUserInfoInAJdbcUrl() {
        assertThat(Redaction.url("jdbc:postgresql://app:s3cret@db:5432/dreams"))
                .isEqualTo("jdbc:postgresql://app:***@db:5432/dreams");
    }

    @Test
    void masksAPasswordQueryParameterAndKeepsTheOthers() {
        assertThat(Redaction.url("jdbc:postgresql://db/dreams?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/dreams?user=app&password=***&ssl=true");
    }

    @Test
    void masksAnH2SemicolonPasswordWhateverItsCase() {
        assertThat(Redaction.url("jdbc:h2:file:/data/dreamnet;USER=sa;PASSWORD=s3cret;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/data/dreamnet;USER=sa;PASSWORD=***;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void masksThePasswordOfAnAmqpUri() {
        assertThat(Redaction.url("amqp://guest:guest@127.0.0.1:5672/%2F"))
                .isEqualTo("amqp://guest:***@127.0.0.1:5672/%2F");
        assertThat(Redaction.url("amqps://svc:p%40ss@broker.example/prod?heartbeat=10"))
                .isEqualTo("amqps://svc:***@broker.example/prod?heartbeat=10");
    }

    @Test
    void leavesAUrlWithoutSecretsAsItIs() {
        assertThat(Redaction.url("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Redaction.url("amqp://broker:5672/vhost")).isEqualTo("amqp://broker:5672/vhost");
        assertThat(Redaction.url(null)).isNull();
    }
}
