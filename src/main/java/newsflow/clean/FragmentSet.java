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
    /** The automaton: next state for each state and symbol. State 0 is the start. */
    private final int[][] next;
    /** Groups (as bits) of the fragments that end in each state, suffixes included. */
    private final int[] found;

    private FragmentSet(byte[] symbolOf, List<int[]> next, List<Integer> found) {
        this.symbolOf = symbolOf;
        this.next = next.toArray(new int[0][]);
        this.found = found.stream().mapToInt(Integer::intValue).toArray();
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
        return new FragmentSet(symbols, next, found);
    }

    /** The groups, as bits, of which some fragment occurs in {@code s}. */
    int groupsIn(CharSequence s) {
        int state = 0;
        int groups = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int sym = c < 128 ? symbolOf[c] : -1;
            state = sym < 0 ? 0 : next[state][sym];
            groups |= found[state];
        }
        return groups;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
