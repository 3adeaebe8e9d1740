#pragma once

#include <QList>
#include <QPair>

class QTableView;

namespace iw {

// Default column widths for the dashboard's tables, in characters of the view's font (so they follow the
// font and the screen scale), never narrower than the column's title plus the sort indicator: a fresh
// window shows whole titles. A saved header state restored later overrides them.
struct ColumnWidths
{
    // `chars`: (logical column, width in average characters); unlisted columns just fit their title.
    static void apply(QTableView *view, const QList<QPair<int, int>> &chars);
    // The smallest width that shows the column's whole title with the sort indicator.
    static int titleWidth(const QTableView *view, int column);
};

} // namespace iw
