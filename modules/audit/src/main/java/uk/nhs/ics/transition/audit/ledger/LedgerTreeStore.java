package uk.nhs.ics.transition.audit.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's Merkle tree as stored ({@code audit_ledger_node}): the ledger adds the nodes each batch completes, in
 * the batch's transaction ({@link #append}); a digest reads its root, an evidence pack its proof. Level 0 is the ledger
 * itself (entry {@code n} is leaf {@code n - 1}). Reads run in the caller's transaction, so a root and a proof read
 * together see one tree.
 */
public class LedgerTreeStore {

    /** Lookups per query: PostgreSQL takes arrays of any length, but a bounded one keeps each plan and answer small. */
    private static final int BATCH = 5_000;

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    public LedgerTreeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the nodes the new entries complete to the tree of the entries before them.
     *
     * @param sizeBefore how many entries the ledger had before these
     * @param entryHashes the new entries' hashes, in sequence order (hex)
     */
    public void append(long sizeBefore, List<String> entryHashes) {
        if (entryHashes.isEmpty()) {
            return;
        }
        List<MerkleTree.Node> peaks = MerkleTree.peaks(sizeBefore);
        Map<MerkleTree.Node, byte[]> found = nodes(peaks);
        MerkleTree.Frontier frontier = new MerkleTree.Frontier(
                sizeBefore, peaks.stream().map(found::get).toList());
        List<Integer> levels = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String entryHash : entryHashes) {
            for (MerkleTree.Completed completed : frontier.append(HEX.parseHex(entryHash))) {
                levels.add(completed.node().level());
                positions.add(completed.node().position());
                hashes.add(HEX.formatHex(completed.hash()));
            }
        }
        for (int from = 0; from < levels.size(); from += BATCH) {
            int to = Math.min(levels.size(), from + BATCH);
            jdbc.sql("""
                            INSERT INTO audit_ledger_node (level, position, hash)
                            SELECT unnest(CAST(:levels AS int[])), unnest(CAST(:positions AS bigint[])),
                                   decode(unnest(CAST(:hashes AS text[])), 'hex')""")
                    .param("levels", levels.subList(from, to).toArray(Integer[]::new))
                    .param("positions", positions.subList(from, to).toArray(Long[]::new))
                    .param("hashes", hashes.subList(from, to).toArray(String[]::new))
                    .update();
        }
    }

    /** The root of the tree of the first {@code size} entries. */
    public byte[] root(long size) {
        if (size == 0) {
            return MerkleTree.emptyRoot();
        }
        List<MerkleTree.Node> peaks = MerkleTree.peaks(size);
        Map<MerkleTree.Node, byte[]> found = nodes(peaks);
        return MerkleTree.fold(peaks.stream().map(found::get).toList());
    }

    /**
     * The proof that the known leaves belong to the tree of the first {@code size} entries: the hash of every range
     * {@link MerkleTree#proofRanges} names, in order.
     */
    public List<byte[]> proof(long size, long[] known) {
        List<long[]> ranges = MerkleTree.proofRanges(size, known);
        List<List<MerkleTree.Node>> parts = new ArrayList<>(ranges.size());
        Set<MerkleTree.Node> wanted = new LinkedHashSet<>();
        for (long[] range : ranges) {
            List<MerkleTree.Node> nodes = MerkleTree.parts(range[0], range[1]);
            parts.add(nodes);
            wanted.addAll(nodes);
        }
        Map<MerkleTree.Node, byte[]> found = nodes(wanted);
        List<byte[]> proof = new ArrayList<>(ranges.size());
        for (List<MerkleTree.Node> nodes : parts) {
            proof.add(MerkleTree.fold(nodes.stream().map(found::get).toList()));
        }
        return proof;
    }

    /**
     * The hashes of perfect nodes: level 0 from the ledger's entries (as leaves), the others from the stored tree.
     *
     * @throws IllegalStateException if the tree lacks a node it should have (it was changed, or never written)
     */
    public Map<MerkleTree.Node, byte[]> nodes(Collection<MerkleTree.Node> nodes) {
        List<Long> leaves = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (MerkleTree.Node node : nodes) {
            if (node.level() == 0) {
                leaves.add(node.position() + 1);
            } else {
                levels.add(node.level());
                positions.add(node.position());
            }
        }
        Map<MerkleTree.Node, byte[]> found = new HashMap<>(nodes.size() * 2);
        for (int from = 0; from < leaves.size(); from += BATCH) {
            List<Long> batch = leaves.subList(from, Math.min(leaves.size(), from + BATCH));
            jdbc.sql("SELECT sequence, hash FROM audit_ledger WHERE sequence = ANY(CAST(:sequences AS bigint[]))")
                    .param("sequences", batch.toArray(Long[]::new))
                    .query(rs -> {
                        found.put(new MerkleTree.Node(0, rs.getLong(1) - 1), MerkleTree.leafHash(rs.getString(2)));
                    });
        }
        for (int from = 0; from < levels.size(); from += BATCH) {
            int to = Math.min(levels.size(), from + BATCH);
            jdbc.sql("""
                            SELECT n.level, n.position, n.hash
                              FROM unnest(CAST(:levels AS int[]), CAST(:positions AS bigint[]))
                                   AS wanted (level, position)
                              JOIN audit_ledger_node n ON n.level = wanted.level AND n.position = wanted.position""")
                    .param("levels", levels.subList(from, to).toArray(Integer[]::new))
                    .param("positions", positions.subList(from, to).toArray(Long[]::new))
                    .query(rs -> {
                        found.put(new MerkleTree.Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    });
        }
        for (MerkleTree.Node node : nodes) {
            if (!found.containsKey(node)) {
                throw new IllegalStateException("the ledger's tree has no node " + node);
            }
        }
        return found;
    }
}
