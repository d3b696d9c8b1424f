package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which auto-configurations the starter leaves out, and when it leaves them in. */
class DreamNetImportFilterTest {

    private static final String OTHER = "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration";
    private static final String[] CANDIDATES = {OTHER, DreamNetImportFilter.JACKSON2_ENDPOINTS, null};

    private static boolean[] match(MockEnvironment environment) {
        DreamNetImportFilter filter = new DreamNetImportFilter();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    @Test
    void leavesOutActuatorsJackson2ConfigurationWhileItsMapperIsOff() {
        MockEnvironment environment = new MockEnvironment().withProperty(DreamNetImportFilter.JACKSON2_MAPPER, "false");
        assertThat(match(environment)).containsExactly(true, false, true);
    }

    @Test
    void keepsItWhenTheApplicationTurnsTheMapperOnOrDreamNetIsOff() {
        assertThat(match(new MockEnvironment().withProperty(DreamNetImportFilter.JACKSON2_MAPPER, "true")))
                .containsExactly(true, true, true);
        assertThat(match(new MockEnvironment())).as("Boot's own default: on").containsExactly(true, true, true);
        assertThat(match(new MockEnvironment().withProperty(DreamNetImportFilter.JACKSON2_MAPPER, "false")
                .withProperty("dreamnet.enabled", "false"))).containsExactly(true, true, true);
    }
}
