-- The ledger's Merkle tree (RFC 6962) beside its hash chain (docs/decisions/0024-evidence-packs-verify-offline.md).
--
-- The leaves are the ledger's entry hashes in sequence order (entry n is leaf n - 1); a leaf hashes as
-- SHA-256(0x00 || entry hash), a node as SHA-256(0x01 || left || right). audit_ledger_node keeps every perfect node of
-- level 1 or more: the node at (level, position) covers the 2^level leaves from position * 2^level. The ledger adds
-- the nodes each batch completes, in the batch's transaction; from them any root (a digest's) and any inclusion
-- proof (an evidence pack's) is a few lookups away. Level 0 is the ledger itself.
--
-- Append-only, like the ledger. A changed node cannot forge anything (proofs are checked against roots the chain
-- vouches for); it makes proofs through it fail, and /audit/verify compares the stored root with the recomputed one.

CREATE TABLE audit_ledger_node (
    level     smallint  NOT NULL,
    position  bigint    NOT NULL,
    hash      bytea     NOT NULL,
    CONSTRAINT audit_ledger_node_pkey PRIMARY KEY (level, position),
    CONSTRAINT audit_ledger_node_shape CHECK (level BETWEEN 1 AND 62 AND position >= 0 AND octet_length(hash) = 32)
);

CREATE TRIGGER audit_ledger_node_append_only
    BEFORE UPDATE OR DELETE ON audit_ledger_node
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER audit_ledger_node_no_truncate
    BEFORE TRUNCATE ON audit_ledger_node
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

-- The nodes of the entries recorded before this release: level 1 from pairs of entries, then each level from the one
-- below, until a level has no pair left.
INSERT INTO audit_ledger_node (level, position, hash)
SELECT 1,
       (l.sequence - 1) / 2,
       sha256('\x01'::bytea || sha256('\x00'::bytea || decode(l.hash, 'hex'))
                            || sha256('\x00'::bytea || decode(r.hash, 'hex')))
  FROM audit_ledger l
  JOIN audit_ledger r ON r.sequence = l.sequence + 1
 WHERE l.sequence % 2 = 1;

DO $$
DECLARE
    below smallint := 1;
    added bigint;
BEGIN
    LOOP
        INSERT INTO audit_ledger_node (level, position, hash)
        SELECT below + 1, l.position / 2, sha256('\x01'::bytea || l.hash || r.hash)
          FROM audit_ledger_node l
          JOIN audit_ledger_node r ON r.level = below AND r.position = l.position + 1
         WHERE l.level = below AND l.position % 2 = 0;
        GET DIAGNOSTICS added = ROW_COUNT;
        EXIT WHEN added = 0;
        below := below + 1;
    END LOOP;
END
$$;
