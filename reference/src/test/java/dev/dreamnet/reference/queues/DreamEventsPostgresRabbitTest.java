package dev.dreamnet.reference.queues;

import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.testing.PostgresTestDatabase;
import dev.dreamnet.testing.RabbitTestVhost;
import org.junit.jupiter.api.BeforeEach;

/**
 * The pipeline in fleet shape: the real PostgreSQL ({@code --db}) and the real RabbitMQ
 * ({@code --queue}), each with a database and a virtual host of its own for each test.
 */
class DreamEventsPostgresRabbitTest extends DreamEventsPipelineContract {

    private PostgresTestDatabase database;
    private RabbitTestVhost vhost;

    @BeforeEach
    void createDatabaseAndVhost() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_pipeline");
        vhost = RabbitTestVhost.create("dreamnet_pipeline");
    }

    @Override
    void afterServerStopped() throws Exception {
        database.close();
        vhost.close();
    }

    @Override
    ServerConfig.Builder backend(ServerConfig.Builder config) {
        return config.jdbcUrl(database.jdbcUrl()).queueUrl(vhost.uri());
    }
}
