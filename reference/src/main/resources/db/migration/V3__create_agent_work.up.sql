-- Which dreams each agent has processed (AgentWork).
CREATE TABLE IF NOT EXISTS agent_work (
    agent VARCHAR(64) NOT NULL,
    dream_id BIGINT NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agent, dream_id)
);
