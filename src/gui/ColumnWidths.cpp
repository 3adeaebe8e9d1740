#include "gui/ColumnWidths.h"

#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace iw {

int ColumnWidths::titleWidth(const QTableView *view, int column)
{
    const QHeaderView *header = view->horizontalHeader();
    const QAbstractItemModel *model = view->model();
    if (!model)
        return 0;
    const QString title = model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    const QFontMetrics fm = header->fontMetrics();
    // Title, the sort indicator (about one line high) and the style's margins on both sides.
    return fm.horizontalAdvance(title) + fm.height() + 20;
}

void ColumnWidths::apply(QTableView *view, const QList<QPair<int, int>> &chars)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    QHeaderView *header = view->horizontalHeader();
    const int charWidth = view->fontMetrics().averageCharWidth();
    for (int c = 0; c < model->columnCount(); ++c) {
        int want = 0;
        for (const auto &p : chars)
            if (p.first == c)
                want = p.second * charWidth + 12;
        header->resizeSection(c, std::max(want, titleWidth(view, c)));
    }
}

} // namespace iw
