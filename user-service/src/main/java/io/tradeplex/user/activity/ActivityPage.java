package io.tradeplex.user.activity;

import java.util.List;

/** @param nextCursor pass as {@code cursor} for the next (older) page; null on the last page */
public record ActivityPage(List<ActivityView> items, String nextCursor) {
}
