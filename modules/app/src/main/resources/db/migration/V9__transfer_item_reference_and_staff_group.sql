-- The CCG's own reference of a transfer item (its register's identifier of the row), which register imports match
-- rows by. Items recorded before references existed, or without one, have none (NULL).
ALTER TABLE transfer_item ADD COLUMN reference text;

ALTER TABLE transfer_item
    ADD CONSTRAINT transfer_item_reference_length CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 100);

-- A staff group item's NHS staff group ("Administrative and clerical"), where recorded.
ALTER TABLE transfer_item ADD COLUMN staff_group text;
