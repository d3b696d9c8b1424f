package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.ServiceState;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Spring's {@code ApplicationAvailability}, with DreamNet's readiness folded in: the readiness state is
 * {@code REFUSING_TRAFFIC} while DreamNet is not ready (startup, a critical gate down, draining), whatever else was
 * published, so Spring's own {@code ACCEPTING_TRAFFIC} at the end of startup cannot open the service early. Each time
 * DreamNet turns ready or not, it publishes the {@link AvailabilityChangeEvent} (the ready one only once the
 * application itself is ready). Thread-safe.
 */
public class DreamNetAvailability extends ApplicationAvailabilityBean {

    private final ServiceState state;
    private final ApplicationEventPublisher publisher;
    private volatile boolean applicationReady;

    public DreamNetAvailability(ServiceState state, ApplicationEventPublisher publisher) {
        this.state = state;
        this.publisher = publisher;
        state.addListener(readiness -> publish());
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
        S state = super.getState(type, defaultState);
        return type == ReadinessState.class && !this.state.readiness().ready() ? type.cast(ReadinessState.REFUSING_TRAFFIC)
                : state;
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> type) {
        S state = super.getState(type);
        return type == ReadinessState.class && !this.state.readiness().ready() ? type.cast(ReadinessState.REFUSING_TRAFFIC)
                : state;
    }

    /** The application has started ({@link ApplicationReadyEvent}): from now on DreamNet turning ready is published. */
    void applicationReady() {
        applicationReady = true;
    }

    /** Publishes DreamNet's current answer, read again so that the last event published is the latest answer. */
    private synchronized void publish() {
        boolean ready = state.readiness().ready();
        if (ready && !applicationReady) {
            return;
        }
        AvailabilityChangeEvent.publish(publisher, this, ready ? ReadinessState.ACCEPTING_TRAFFIC
                : ReadinessState.REFUSING_TRAFFIC);
    }
}
