package org.wayfinder.query.disclosure;

import java.util.Arrays;

/**
 * Secondary suppression: in a breakdown that shows its total, a single suppressed cell could be recovered by
 * subtracting the others from the total, so the next-smallest non-zero cell is suppressed with it. Two-way tables
 * get the same rule along every row and every column, repeated until nothing changes.
 */
public final class SecondarySuppression {

    private SecondarySuppression() {
    }

    /** Which cells of a one-way breakdown to hide, primary and secondary. */
    public static boolean[] oneWay(SuppressionPolicy policy, long[] cells) {
        boolean[] hidden = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            hidden[i] = policy.suppresses(cells[i]);
        }
        protect(cells, hidden, indices(cells.length));
        return hidden;
    }

    /** Which cells of a two-way table ({@code cells[row][column]}, rows and columns both totalled) to hide. */
    public static boolean[][] twoWay(SuppressionPolicy policy, long[][] cells) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        boolean[][] hidden = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                hidden[r][c] = policy.suppresses(cells[r][c]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                boolean[] line = hidden[r].clone();
                protect(cells[r], line, indices(columns));
                changed |= copyBack(line, hidden, r, true);
            }
            for (int c = 0; c < columns; c++) {
                long[] column = new long[rows];
                boolean[] line = new boolean[rows];
                for (int r = 0; r < rows; r++) {
                    column[r] = cells[r][c];
                    line[r] = hidden[r][c];
                }
                protect(column, line, indices(rows));
                changed |= copyBack(line, hidden, c, false);
            }
        }
        return hidden;
    }

    private static void protect(long[] cells, boolean[] hidden, int[] order) {
        long suppressedCount = Arrays.stream(order).filter(i -> hidden[i]).count();
        if (suppressedCount != 1) {
            return;
        }
        int next = -1;
        for (int i : order) {
            if (!hidden[i] && cells[i] > 0 && (next < 0 || cells[i] < cells[next])) {
                next = i;
            }
        }
        if (next >= 0) {
            hidden[next] = true;
        }
    }

    private static boolean copyBack(boolean[] line, boolean[][] hidden, int index, boolean isRow) {
        boolean changed = false;
        for (int i = 0; i < line.length; i++) {
            boolean before = isRow ? hidden[index][i] : hidden[i][index];
            if (line[i] && !before) {
                if (isRow) {
                    hidden[index][i] = true;
                } else {
                    hidden[i][index] = true;
                }
                changed = true;
            }
        }
        return changed;
    }

    private static int[] indices(int length) {
        int[] all = new int[length];
        for (int i = 0; i < length; i++) {
            all[i] = i;
        }
        return all;
    }
}
