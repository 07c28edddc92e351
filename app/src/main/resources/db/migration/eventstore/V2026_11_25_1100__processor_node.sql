-- The nodes running event processors, each with its last heartbeat. A node counts as alive while its
-- heartbeat is younger than the token claim timeout; the live count sets each node's fair share of a
-- projection's segments (SegmentBalancer). Claims themselves stay in token_entry, owned by Axon.
CREATE TABLE processor_node (
    node_id   VARCHAR(255) NOT NULL,
    last_seen TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT processor_node_pk PRIMARY KEY (node_id)
);
