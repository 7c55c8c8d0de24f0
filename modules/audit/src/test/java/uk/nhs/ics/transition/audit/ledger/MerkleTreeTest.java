package uk.nhs.ics.transition.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The ledger's Merkle tree is RFC 6962's: the same roots as Certificate Transparency's reference vectors, the same root
 * however it is computed (recursively, from its peaks, leaf by leaf), and a proof of any set of leaves verifies while
 * any change to a leaf, a proof hash, the leaves named or the size is caught.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Certificate Transparency's reference leaves (leaf data, not hashes) and the roots of their first 0 to 8. */
    private static final List<byte[]> CT_LEAVES = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void the_roots_are_certificate_transparencys_reference_roots() {
        for (int size = 0; size <= CT_LEAVES.size(); size++) {
            MerkleTree.Frontier frontier = new MerkleTree.Frontier();
            CT_LEAVES.subList(0, size).forEach(frontier::append);

            assertThat(HEX.formatHex(frontier.root())).as("size %d", size).isEqualTo(CT_ROOTS.get(size));
            assertThat(HEX.formatHex(recursiveRoot(CT_LEAVES.subList(0, size))))
                    .as("size %d", size)
                    .isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void the_root_from_the_peaks_and_the_nodes_leaf_by_leaf_agree_with_the_recursive_root() {
        List<byte[]> entries = entries(77);
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        List<MerkleTree.Completed> stored = new ArrayList<>();
        for (int size = 1; size <= entries.size(); size++) {
            stored.addAll(frontier.append(entries.get(size - 1)));
            byte[] expected = recursiveRoot(entries.subList(0, size));

            assertThat(frontier.root()).as("size %d", size).isEqualTo(expected);
            assertThat(MerkleTree.fold(MerkleTree.peaks(size).stream()
                            .map(node -> node(node, entries, stored))
                            .toList()))
                    .as("size %d from its peaks", size)
                    .isEqualTo(expected);
            // a frontier started again from the stored peaks goes on as the first one
            if (size == 40) {
                MerkleTree.Frontier resumed = new MerkleTree.Frontier(
                        size,
                        MerkleTree.peaks(size).stream()
                                .map(node -> node(node, entries, stored))
                                .toList());
                for (int i = size; i < entries.size(); i++) {
                    resumed.append(entries.get(i));
                }
                assertThat(resumed.root()).isEqualTo(recursiveRoot(entries));
            }
        }
        // every perfect node of level 1 or more was completed exactly once: n - popcount(n) of them
        assertThat(stored).hasSize(77 - Long.bitCount(77));
    }

    @Test
    void a_proof_of_any_set_of_leaves_leads_to_the_root() {
        Random random = new Random(19);
        for (int size = 1; size <= 70; size++) {
            List<byte[]> entries = entries(size);
            byte[] root = recursiveRoot(entries);
            for (int attempt = 0; attempt < 6; attempt++) {
                long[] known = subset(random, size);
                List<byte[]> proof = proof(entries, known);

                assertThat(MerkleTree.root(size, known, hashesOf(entries, known), proof.iterator()))
                        .as("size %d, leaves %s", size, java.util.Arrays.toString(known))
                        .isEqualTo(root);
            }
        }
    }

    @Test
    void a_proof_of_every_leaf_needs_no_hash_and_a_proof_of_none_is_the_root_itself() {
        List<byte[]> entries = entries(13);
        long[] all = LongStream.range(0, 13).toArray();

        assertThat(MerkleTree.proofRanges(13, all)).isEmpty();
        assertThat(MerkleTree.proofRanges(13, new long[0])).hasSize(1);
        assertThat(MerkleTree.root(
                        13,
                        new long[0],
                        List.of(),
                        List.of(recursiveRoot(entries)).iterator()))
                .isEqualTo(recursiveRoot(entries));
    }

    @Test
    void a_changed_leaf_a_changed_proof_hash_or_a_leaf_left_out_leads_elsewhere() {
        List<byte[]> entries = entries(50);
        byte[] root = recursiveRoot(entries);
        long[] known = {3, 4, 17, 31, 49};
        List<byte[]> proof = proof(entries, known);

        List<byte[]> changedLeaf = new ArrayList<>(hashesOf(entries, known));
        changedLeaf.set(2, flip(changedLeaf.get(2)));
        assertThat(MerkleTree.root(50, known, changedLeaf, proof.iterator())).isNotEqualTo(root);

        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> changedProof = new ArrayList<>(proof);
            changedProof.set(i, flip(changedProof.get(i)));
            assertThat(MerkleTree.root(50, known, hashesOf(entries, known), changedProof.iterator()))
                    .as("proof hash %d changed", i)
                    .isNotEqualTo(root);
        }

        // the leaves moved: the same hashes claimed for other places
        long[] moved = {3, 4, 18, 31, 49};
        assertThatThrownByOrNot(() -> MerkleTree.root(50, moved, hashesOf(entries, known), proof.iterator()), root);

        // a leaf left out: its proof is too short for the tree
        long[] fewer = {3, 4, 31, 49};
        assertThatThrownByOrNot(() -> MerkleTree.root(50, fewer, hashesOf(entries, fewer), proof.iterator()), root);

        // the same proof claimed for a larger tree
        assertThatThrownByOrNot(() -> MerkleTree.root(51, known, hashesOf(entries, known), proof.iterator()), root);
    }

    @Test
    void leaves_out_of_order_or_outside_the_tree_are_refused() {
        assertThatThrownBy(() -> MerkleTree.proofRanges(10, new long[] {3, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.proofRanges(10, new long[] {4, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.proofRanges(10, new long[] {10}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.parts(3, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Either the recomputation refuses the proof, or it leads to another root: never to the right one. */
    private static void assertThatThrownByOrNot(java.util.function.Supplier<byte[]> recompute, byte[] root) {
        try {
            assertThat(recompute.get()).isNotEqualTo(root);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("proof");
        }
    }

    // ---------------------------------------------------------------- a plain implementation to compare with

    /** RFC 6962's MTH, written as the RFC writes it. */
    private static byte[] recursiveRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leaves.size() == 1) {
            return MerkleTree.leafHash(leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(
                recursiveRoot(leaves.subList(0, k)), recursiveRoot(leaves.subList(k, leaves.size())));
    }

    /** A proof as the service builds it: the hash of each range the recursion gives by its hash. */
    private static List<byte[]> proof(List<byte[]> entries, long[] known) {
        return MerkleTree.proofRanges(entries.size(), known).stream()
                .map(range -> recursiveRoot(entries.subList((int) range[0], (int) range[1])))
                .toList();
    }

    private static byte[] node(MerkleTree.Node node, List<byte[]> entries, List<MerkleTree.Completed> stored) {
        if (node.level() == 0) {
            return MerkleTree.leafHash(entries.get((int) node.position()));
        }
        return stored.stream()
                .filter(c -> c.node().equals(node))
                .findFirst()
                .orElseThrow(() -> new AssertionError("never completed: " + node))
                .hash();
    }

    private static List<byte[]> entries(int n) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8), 42}));
        }
        return entries;
    }

    private static List<byte[]> hashesOf(List<byte[]> entries, long[] known) {
        return java.util.Arrays.stream(known)
                .mapToObj(i -> entries.get((int) i))
                .toList();
    }

    private static long[] subset(Random random, int size) {
        return LongStream.range(0, size).filter(i -> random.nextInt(4) == 0).toArray();
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
