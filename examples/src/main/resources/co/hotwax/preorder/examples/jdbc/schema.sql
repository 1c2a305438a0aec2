-- A purchase-order schema shaped like HotWax's OrderHeader/OrderItem (quantities are fixed-point numbers, as in
-- OFBiz). ${prefix} is replaced by the table prefix. Statements end with ';' at the end of a line.

-- Every write to a PO line takes the next value, so change_seq orders the change feed.
CREATE SEQUENCE ${prefix}po_change_seq START WITH 1;

CREATE TABLE ${prefix}purchase_order (
    order_id    VARCHAR(40)  NOT NULL PRIMARY KEY,
    supplier    VARCHAR(100),
    -- ORDER_CREATED | ORDER_APPROVED | ORDER_COMPLETED | ORDER_CANCELLED
    status      VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

CREATE TABLE ${prefix}purchase_order_item (
    order_id                 VARCHAR(40)   NOT NULL REFERENCES ${prefix}purchase_order (order_id),
    item_seq_id              VARCHAR(20)   NOT NULL,
    product_sku              VARCHAR(100),
    facility_id              VARCHAR(40),
    quantity                 DECIMAL(18,6),
    received_quantity        DECIMAL(18,6),
    cancel_quantity          DECIMAL(18,6),
    estimated_delivery_date  DATE,
    -- ITEM_CREATED | ITEM_APPROVED | ITEM_COMPLETED | ITEM_CANCELLED
    status                   VARCHAR(20)   NOT NULL,
    order_buffer             DECIMAL(18,6),
    last_updated_stamp       TIMESTAMP     NOT NULL,
    -- Bumped to NEXT VALUE FOR po_change_seq on every write to the line or its header; unique, so a page
    -- boundary never splits two rows of one value.
    change_seq               BIGINT        NOT NULL,
    PRIMARY KEY (order_id, item_seq_id),
    CONSTRAINT ${prefix}po_item_change_seq_uq UNIQUE (change_seq)
);
