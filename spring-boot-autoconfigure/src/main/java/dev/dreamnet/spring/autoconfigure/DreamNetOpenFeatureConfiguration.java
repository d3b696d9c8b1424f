package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.openfeature.DreamNetFeatureProvider;
import dev.dreamnet.runtime.DreamNet;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * When the application has {@code dreamnet-openfeature} on its class path: DreamNet's flags and rollouts as the
 * OpenFeature API's default provider, and a {@link Client} bean to inject, so a controller reads
 * {@code client.getBooleanValue("recommendations", false)} with no set-up of its own. An application that defines its
 * own {@code Client} (another provider, a domain) keeps it, and the API's providers are left alone.
 */
@AutoConfiguration(after = DreamNetAutoConfiguration.class)
@ConditionalOnClass({DreamNetFeatureProvider.class, OpenFeatureAPI.class})
@ConditionalOnBean(DreamNet.class)
public class DreamNetOpenFeatureConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DreamNetFeatureProvider dreamNetFeatureProvider(DreamNet dreamnet) {
        return new DreamNetFeatureProvider(dreamnet.flags(), dreamnet.rollouts());
    }

    @Bean
    @ConditionalOnMissingBean
    Client dreamNetOpenFeatureClient(DreamNetFeatureProvider provider) {
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProviderAndWait(provider);
        return api.getClient();
    }
}
