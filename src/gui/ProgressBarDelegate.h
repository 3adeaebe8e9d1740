#pragma once

#include "core/QueuedOperation.h"

#include <QColor>
#include <QStyledItemDelegate>

#include <array>

namespace iw {

// Paints an operation's progress as one stacked bar over Discovered: Ingested, Failed, Canceled, then
// Pending, with the percentage done on top. Reads OperationModel::OperationRole. Colours are chosen to read
// on light and dark palettes; the empty part uses the palette.
class ProgressBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The state colours shared by the delegate, the charts and the legends.
    static QColor ingestedColor();
    static QColor failedColor();
    static QColor canceledColor();
    static QColor pendingColor(const QPalette &palette);

    // The fractions of Discovered in the order painted (Ingested, Failed, Canceled, Pending); they sum
    // to 1 when Discovered > 0, all 0 otherwise. Counts above Discovered are clamped.
    static std::array<double, 4> fractions(const QueuedOperation &op);
    static QString percentText(const QueuedOperation &op);
};

} // namespace iw
