package newsflow.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds which groups of ASCII fragments occur in a string, in one pass over it (an Aho-Corasick
 * automaton compiled to a table). It answers what {@code s.contains(f)} for every fragment
 * {@code f} of every group would, for the price of reading {@code s} once: the class hints
 * run on every element of every page with about a hundred fragments.
 *
 * <p>Case-sensitive; a character that occurs in no fragment (any non-ASCII one included)
 * cannot be part of a match. Immutable and thread-safe once built.
 */
final class FragmentSet {

    /** Symbol index of each ASCII character, or -1 when no fragment holds it. */
    private final byte[] symbolOf;
    /**
     * The automaton in one array, a row per state: the row's first slot holds the groups (as
     * bits) of the fragments that end in that state, suffixes included; slot {@code 1 + symbol}
     * the offset of the next state's row. State 0, the start, is the row at offset 0. A step is
     * one read, where a table of rows would take two.
     */
    private final int[] table;
    private final int stride;

    private FragmentSet(byte[] symbolOf, List<int[]> next, List<Integer> found, int alphabet) {
        this.symbolOf = symbolOf;
        this.stride = alphabet + 1;
        this.table = new int[next.size() * stride];
        for (int state = 0; state < next.size(); state++) {
            table[state * stride] = found.get(state);
            for (int sym = 0; sym < alphabet; sym++) {
                table[state * stride + 1 + sym] = next.get(state)[sym] * stride;
            }
        }
    }

    /**
     * Compiles the fragments; group {@code i} is reported as bit {@code 1 << i}.
     *
     * @throws IllegalArgumentException for an empty or non-ASCII fragment, or more than 31 groups
     */
    static FragmentSet of(String[]... groups) {
        if (groups.length > 31) {
            throw new IllegalArgumentException("at most 31 groups, got " + groups.length);
        }
        byte[] symbols = new byte[128];
        Arrays.fill(symbols, (byte) -1);
        int alphabet = 0;
        for (String[] group : groups) {
            for (String f : group) {
                if (f.isEmpty()) {
                    throw new IllegalArgumentException("empty fragment");
                }
                for (int i = 0; i < f.length(); i++) {
                    char c = f.charAt(i);
                    if (c >= 128) {
                        throw new IllegalArgumentException("fragment is not ASCII: " + f);
                    }
                    if (symbols[c] < 0) {
                        symbols[c] = (byte) alphabet++;
                    }
                }
            }
        }
        // The trie: children as a table, -1 where there is none.
        List<int[]> next = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        next.add(filled(alphabet));
        found.add(0);
        for (int g = 0; g < groups.length; g++) {
            for (String f : groups[g]) {
                int state = 0;
                for (int i = 0; i < f.length(); i++) {
                    int sym = symbols[f.charAt(i)];
                    if (next.get(state)[sym] < 0) {
                        next.get(state)[sym] = next.size();
                        next.add(filled(alphabet));
                        found.add(0);
                    }
                    state = next.get(state)[sym];
                }
                found.set(state, found.get(state) | 1 << g);
            }
        }
        // Breadth first: each missing edge follows the longest proper suffix's edge, and each
        // state also reports what its longest proper suffix state reports.
        int[] fail = new int[next.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int sym = 0; sym < alphabet; sym++) {
            int child = next.get(0)[sym];
            if (child < 0) {
                next.get(0)[sym] = 0;
            } else {
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            found.set(state, found.get(state) | found.get(fail[state]));
            for (int sym = 0; sym < alphabet; sym++) {
                int child = next.get(state)[sym];
                if (child < 0) {
                    next.get(state)[sym] = next.get(fail[state])[sym];
                } else {
                    fail[child] = next.get(fail[state])[sym];
                    queue.add(child);
                }
            }
        }
        return new FragmentSet(symbols, next, found, alphabet);
    }

    /** The groups, as bits, of which some fragment occurs in {@code s}. */
    int groupsIn(CharSequence s) {
        int row = 0;
        int groups = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int sym = c < 128 ? symbolOf[c] : -1;
            row = sym < 0 ? 0 : table[row + 1 + sym];
            groups |= table[row];
        }
        return groups;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
