package dev.dreamnet.reference.dreams;

import dev.dreamnet.runtime.ToolkitSchema;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.reference.agents.AgentWork;
import dev.dreamnet.runtime.kinds.DatabaseComponent;
import dev.dreamnet.runtime.kinds.Kinds;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference service's application components, registered by name for the startup graph:
 * {@code schema} creates the tables, {@code core} builds the domain over the database, and
 * {@code api} opens the application routes. Thread-safe.
 */
public final class ReferenceService {

    private final Kinds kinds;
    private final Clock clock;
    private final Consumer<Boolean> apiOpen;
    private volatile DreamStore store;

    public ReferenceService(Kinds kinds, Clock clock, Consumer<Boolean> apiOpen) {
        this.kinds = kinds;
        this.clock = clock;
        this.apiOpen = apiOpen;
    }

    /** Registers the {@code schema}, {@code core} and {@code api} kinds; the routes stay closed until {@code api} starts. */
    public void register() {
        apiOpen.accept(false);
        kinds.register("schema", spec -> () -> {
            ToolkitSchema.ensure(dataSource());
            newStore().createSchema(AgentWork.CREATE_TABLE, dev.dreamnet.reference.queues.DreamEventRelay.CREATE_TABLE);
        });
        kinds.register("core", spec -> () -> store = newStore());
        kinds.needDatabase(List.of("schema", "core"));
        kinds.register("api", spec -> new Component() {
            @Override
            public void start() {
                apiOpen.accept(true);
            }

            @Override
            public void stop() {
                apiOpen.accept(false);
            }
        });
    }

    /** The dreams store; the {@code core} service must have started. */
    public DreamStore store() {
        DreamStore current = store;
        if (current == null) {
            throw new IllegalStateException("the core service has not started");
        }
        return current;
    }

    /** The database pool; the {@code database} service must have started. */
    public javax.sql.DataSource dataSource() {
        return database().dataSource();
    }

    private DatabaseComponent database() {
        return kinds.first(DatabaseComponent.class)
                .orElseThrow(() -> new IllegalStateException("no service of kind \"database\" in the graph"));
    }

    private DreamStore newStore() {
        return new DreamStore(database().transactions(), clock);
    }
}
