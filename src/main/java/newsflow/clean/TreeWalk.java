package newsflow.clean;

import java.util.Arrays;

import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A depth-first walk for visitors that only read the tree: the same visits as
 * {@link NodeTraversor#traverse} (head in document order, tail after the children, the same
 * depths), without its checks for nodes the visitor removed or replaced, which cost more than
 * the visits of the metadata reader and the block-run walks themselves. Iterative, so nesting
 * depth cannot overflow the stack. A visitor must not change the tree under {@code root}.
 * Stateless and thread-safe.
 */
final class TreeWalk {

    private TreeWalk() {
    }

    /** Visits {@code root} and every node under it. */
    static void walk(Node root, NodeVisitor visitor) {
        walk(root, visitor, null, null);
    }

    /**
     * Visits {@code root} and every node under it with {@code visitor}, and, in the same walk,
     * {@code inner} and every node under it with {@code innerVisitor}, its depths counted from
     * {@code inner} as {@link #walk(Node, NodeVisitor) walk(inner, innerVisitor)} counts them:
     * two readers of one tree, one traversal. {@code innerVisitor} sees nothing when
     * {@code inner} is not under {@code root} (or is null).
     */
    static void walk(Node root, NodeVisitor visitor, Node inner, NodeVisitor innerVisitor) {
        int[] nextChild = new int[64];
        Node node = root;
        int depth = 0;
        int innerDepth = -1; // depth of inner while the walk is inside it, else -1
        visitor.head(root, 0);
        if (root == inner) {
            innerDepth = 0;
            innerVisitor.head(root, 0);
        }
        while (true) {
            int i = nextChild[depth];
            if (i < node.childNodeSize()) {
                nextChild[depth] = i + 1;
                node = node.childNode(i);
                depth++;
                if (depth == nextChild.length) {
                    nextChild = Arrays.copyOf(nextChild, depth * 2);
                }
                nextChild[depth] = 0;
                visitor.head(node, depth);
                if (node == inner) {
                    innerDepth = depth;
                }
                if (innerDepth >= 0) {
                    innerVisitor.head(node, depth - innerDepth);
                }
            } else {
                if (innerDepth >= 0) {
                    innerVisitor.tail(node, depth - innerDepth);
                    if (node == inner) {
                        innerDepth = -1;
                    }
                }
                visitor.tail(node, depth);
                if (depth == 0) {
                    return;
                }
                node = node.parentNode();
                depth--;
            }
        }
    }
}
