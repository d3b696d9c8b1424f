package dev.dreamnet.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import dev.dreamnet.rabbitmq.internal.Inequivalence;
import org.junit.jupiter.api.Test;

/** The broker's 406 texts, as RabbitMQ 3.10 words them, read into the argument and both values. */
class InequivalenceTest {

    @Test
    void readsPlainValues() {
        assertThat(parse("received '5' but current is '3'"))
                .isEqualTo(new Inequivalence("x-delivery-limit", "3", null, "5"));
    }

    @Test
    void readsTypedValuesAndNone() {
        assertThat(parse("received none but current is the value '3' of type 'signedint'"))
                .isEqualTo(new Inequivalence("x-delivery-limit", "3", "signedint", null));
        assertThat(parse("received the value 'dlx' of type 'longstr' but current is none"))
                .isEqualTo(new Inequivalence("x-delivery-limit", null, null, "dlx"));
    }

    @Test
    void aValueCutOffByTheBrokersLengthLimitIsSaidToBe() {
        assertThat(parse("received 'a-very-long-name.parked' but current is 'a-very-long-na...").held())
                .isEqualTo(Inequivalence.CUT_OFF);
    }

    @Test
    void otherRefusalsAreNotInequivalences() {
        ShutdownSignalException signal = signal(404, "NOT_FOUND - no queue 'q' in vhost '/'");
        assertThat(Inequivalence.of(signal)).isEmpty();
    }

    private static Inequivalence parse(String tail) {
        return Inequivalence.of(signal(406, "PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit' for queue 'q' "
                + "in vhost '/': " + tail)).orElseThrow();
    }

    private static ShutdownSignalException signal(int code, String text) {
        AMQP.Channel.Close close = new AMQP.Channel.Close.Builder().replyCode(code).replyText(text).build();
        return new ShutdownSignalException(false, false, close, null);
    }
}
