package uk.nhs.ics.transition.audit.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The Merkle tree over the ledger's entries, as Certificate Transparency defines it (RFC 6962, section 2.1): the leaves
 * are the entries' hashes in ledger order, a leaf hashes as {@code SHA-256(0x00 || entry hash)}, a node as
 * {@code SHA-256(0x01 || left || right)}, and a tree of {@code n} leaves splits at the largest power of two smaller than
 * {@code n}. Its root at {@code n} entries is part of the ledger's digest.
 *
 * <p>The hash chain proves that nothing before an entry changed, but checking that an entry belongs to it takes every
 * entry after it. The tree proves that a handful of entries belong to a digest with a few hashes each (an inclusion
 * proof), which is what an evidence pack carries: see docs/decisions/0024-evidence-packs-verify-offline.md.
 *
 * <p>Leaves are counted from 0 (entry {@code sequence} is leaf {@code sequence - 1}). A <em>perfect</em> node covers
 * {@code 2^level} leaves from {@code position * 2^level}; the ledger stores every perfect node of level 1 or more as it
 * completes ({@link LedgerTreeStore}), and every range the tree's recursion produces is either perfect or a run of
 * perfect nodes, so any root and any proof is a few lookups away.
 *
 * <p>Plain Java (no Spring, no database): the offline verifier uses it too.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {}

    /** A perfect node: {@code 2^level} leaves from leaf {@code position * 2^level}. */
    public record Node(int level, long position) {

        public Node {
            if (level < 0 || level > 62 || position < 0) {
                throw new IllegalArgumentException("no such node: level " + level + ", position " + position);
            }
        }

        /** The first leaf it covers. */
        public long first() {
            return position << level;
        }
    }

    /** A leaf's hash: {@code SHA-256(0x00 || entry hash)}. */
    public static byte[] leafHash(byte[] entryHash) {
        MessageDigest digest = sha256();
        digest.update((byte) 0);
        digest.update(entryHash);
        return digest.digest();
    }

    /** A leaf's hash from the entry's hash in hex. */
    public static byte[] leafHash(String entryHashHex) {
        return leafHash(HEX.parseHex(entryHashHex));
    }

    /** A node's hash: {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The largest power of two smaller than {@code n} (for {@code n >= 2}): where the tree of {@code n} splits. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves does not split");
        }
        return Long.highestOneBit(n - 1);
    }

    /**
     * The perfect nodes a range of leaves is made of, left to right, as the tree's recursion splits it. The range must
     * be one the recursion produces (its start a multiple of its first part's size), as every range of a proof is.
     * Its hash is the right fold of theirs: {@code H(p1, H(p2, ... H(pk-1, pk)))}.
     */
    public static List<Node> parts(long from, long to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("no leaves in [" + from + ", " + to + ")");
        }
        List<Node> parts = new ArrayList<>();
        long lo = from;
        while (lo < to) {
            long n = to - lo;
            long size = Long.bitCount(n) == 1 ? n : split(n);
            int level = Long.numberOfTrailingZeros(size);
            if (lo % size != 0) {
                throw new IllegalArgumentException("[" + from + ", " + to + ") is not a range of the tree");
            }
            parts.add(new Node(level, lo >> level));
            lo += size;
        }
        return parts;
    }

    /** The root of a tree of {@code size} leaves is made of these perfect nodes (its "peaks"). */
    public static List<Node> peaks(long size) {
        return size == 0 ? List.of() : parts(0, size);
    }

    /** The right fold of the parts' hashes: the hash of the range they make. */
    public static byte[] fold(List<byte[]> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to fold");
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    /** The root of the empty tree: {@code SHA-256} of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    // ---------------------------------------------------------------- proofs of several leaves at once

    /**
     * The ranges of leaves whose hashes a proof of the known leaves carries, in the order the verification consumes
     * them: the tree's recursion from the root, where every range without a known leaf is given by its hash.
     *
     * @param size the tree's size (the digest's event count)
     * @param known the known leaves, ascending, each smaller than {@code size}
     * @return each range as {@code {from, to}}
     */
    public static List<long[]> proofRanges(long size, long[] known) {
        checkKnown(size, known);
        List<long[]> ranges = new ArrayList<>();
        if (size > 0) {
            new Walk(known).ranges(0, size, ranges);
        }
        return ranges;
    }

    /**
     * Recomputes the root from the known leaves and the proof's hashes, which must all be used.
     *
     * @param size the tree's size
     * @param known the known leaves, ascending
     * @param knownEntryHashes each known leaf's entry hash, in the same order
     * @param proof the proof's hashes, in order
     * @throws IllegalArgumentException if the proof has too few or too many hashes
     */
    public static byte[] root(long size, long[] known, List<byte[]> knownEntryHashes, Iterator<byte[]> proof) {
        checkKnown(size, known);
        if (knownEntryHashes.size() != known.length) {
            throw new IllegalArgumentException("one entry hash for every known leaf");
        }
        if (size == 0) {
            return emptyRoot();
        }
        byte[] root;
        try {
            root = new Walk(known).root(0, size, knownEntryHashes, proof);
        } catch (NoSuchElementException tooShort) {
            throw new IllegalArgumentException("the proof has too few hashes", tooShort);
        }
        if (proof.hasNext()) {
            throw new IllegalArgumentException("the proof has more hashes than the tree needs");
        }
        return root;
    }

    private static void checkKnown(long size, long[] known) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] < 0 || known[i] >= size || i > 0 && known[i] <= known[i - 1]) {
                throw new IllegalArgumentException(
                        "the known leaves must ascend, each in a tree of " + size + " leaves: " + known[i]);
            }
        }
    }

    /** One pass of the recursion, left to right, with a cursor over the known leaves. */
    private static final class Walk {
        private final long[] known;
        private int next;

        Walk(long[] known) {
            this.known = known;
        }

        private boolean anyKnownBelow(long to) {
            return next < known.length && known[next] < to;
        }

        void ranges(long from, long to, List<long[]> ranges) {
            if (!anyKnownBelow(to)) {
                ranges.add(new long[] {from, to});
                return;
            }
            if (to - from == 1) {
                next++;
                return;
            }
            long k = split(to - from);
            ranges(from, from + k, ranges);
            ranges(from + k, to, ranges);
        }

        byte[] root(long from, long to, List<byte[]> entryHashes, Iterator<byte[]> proof) {
            if (!anyKnownBelow(to)) {
                return proof.next();
            }
            if (to - from == 1) {
                return leafHash(entryHashes.get(next++));
            }
            long k = split(to - from);
            byte[] left = root(from, from + k, entryHashes, proof);
            byte[] right = root(from + k, to, entryHashes, proof);
            return nodeHash(left, right);
        }
    }

    // ---------------------------------------------------------------- building the tree as entries arrive

    /**
     * The tree's right edge as leaves are appended one by one: its peaks, from which its root follows, and every
     * perfect node each new leaf completes. Memory is one hash per level.
     */
    public static final class Frontier {
        private final List<Node> nodes = new ArrayList<>();
        private final List<byte[]> hashes = new ArrayList<>();
        private long size;

        /** An empty tree. */
        public Frontier() {}

        /**
         * The right edge of a tree of {@code size} leaves, from its peaks' hashes (as {@link #peaks(long)} lists them).
         */
        public Frontier(long size, List<byte[]> peakHashes) {
            List<Node> peaks = peaks(size);
            if (peaks.size() != peakHashes.size()) {
                throw new IllegalArgumentException("a tree of " + size + " leaves has " + peaks.size() + " peaks");
            }
            nodes.addAll(peaks);
            hashes.addAll(peakHashes);
            this.size = size;
        }

        public long size() {
            return size;
        }

        /**
         * Appends the next entry's hash as a leaf.
         *
         * @return the perfect nodes of level 1 or more it completed, lowest first, with their hashes
         */
        public List<Completed> append(byte[] entryHash) {
            nodes.add(new Node(0, size));
            hashes.add(leafHash(entryHash));
            size++;
            List<Completed> completed = List.of();
            while (nodes.size() >= 2
                    && nodes.get(nodes.size() - 1).level()
                            == nodes.get(nodes.size() - 2).level()) {
                Node right = nodes.remove(nodes.size() - 1);
                byte[] rightHash = hashes.remove(hashes.size() - 1);
                Node left = nodes.remove(nodes.size() - 1);
                byte[] leftHash = hashes.remove(hashes.size() - 1);
                Node parent = new Node(left.level() + 1, left.position() >> 1);
                if (right.position() != left.position() + 1 || (left.position() & 1) != 0) {
                    throw new IllegalStateException("the frontier is out of order at " + left + " and " + right);
                }
                byte[] hash = nodeHash(leftHash, rightHash);
                nodes.add(parent);
                hashes.add(hash);
                if (completed.isEmpty()) {
                    completed = new ArrayList<>();
                }
                completed.add(new Completed(parent, hash));
            }
            return completed;
        }

        /** The root of the tree so far. */
        public byte[] root() {
            return size == 0 ? emptyRoot() : fold(hashes);
        }
    }

    /** A perfect node and its hash, completed by an appended leaf. */
    public record Completed(Node node, byte[] hash) {}

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
