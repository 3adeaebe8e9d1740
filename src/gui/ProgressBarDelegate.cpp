#include "gui/ProgressBarDelegate.h"

#include "models/OperationModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>

namespace iw {

QColor ProgressBarDelegate::ingestedColor()
{
    return QColor(0x2e, 0xa0, 0x43);
}

QColor ProgressBarDelegate::failedColor()
{
    return QColor(0xd6, 0x3b, 0x3b);
}

QColor ProgressBarDelegate::canceledColor()
{
    return QColor(0x8c, 0x8c, 0x99);
}

QColor ProgressBarDelegate::pendingColor(const QPalette &palette)
{
    // A tint of the highlight colour over the base: visible but quiet on light and dark palettes.
    QColor h = palette.color(QPalette::Highlight);
    QColor b = palette.color(QPalette::Base);
    return QColor((h.red() + 3 * b.red()) / 4, (h.green() + 3 * b.green()) / 4,
                  (h.blue() + 3 * b.blue()) / 4);
}

std::array<double, 4> ProgressBarDelegate::fractions(const QueuedOperation &op)
{
    std::array<double, 4> f { 0, 0, 0, 0 };
    if (op.discovered <= 0)
        return f;
    const double d = double(op.discovered);
    double left = 1.0;
    const qint64 counts[3] = { op.ingested, op.failed, op.canceled };
    for (int i = 0; i < 3; ++i) {
        f[std::size_t(i)] = std::clamp(double(std::max<qint64>(0, counts[i])) / d, 0.0, left);
        left -= f[std::size_t(i)];
    }
    f[3] = std::max(0.0, left);
    return f;
}

QString ProgressBarDelegate::percentText(const QueuedOperation &op)
{
    if (op.discovered <= 0)
        return tr("–");
    const double pct = std::clamp(100.0 * double(op.done()) / double(op.discovered), 0.0, 100.0);
    // Never show 100 % before the last blob is done.
    const int shown = op.done() < op.discovered ? std::min(99, int(pct)) : 100;
    return tr("%1 %").arg(shown);
}

void ProgressBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const QVariant v = index.data(OperationModel::OperationRole);
    if (!v.canConvert<QueuedOperation>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QueuedOperation op = v.value<QueuedOperation>();

    // Background, selection and focus as the style draws them, without the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRectF bar = QRectF(option.rect).adjusted(3, 4, -3, -4);
    const qreal radius = std::min<qreal>(3.0, bar.height() / 3);
    QPainterPath clip;
    clip.addRoundedRect(bar, radius, radius);
    painter->setClipPath(clip);

    const auto f = fractions(op);
    const QColor colors[4]
        = { ingestedColor(), failedColor(), canceledColor(), pendingColor(option.palette) };
    qreal x = bar.left();
    for (int i = 0; i < 4; ++i) {
        const qreal w = bar.width() * f[std::size_t(i)];
        if (w > 0)
            painter->fillRect(QRectF(x, bar.top(), w, bar.height()), colors[i]);
        x += w;
    }
    if (op.discovered <= 0)
        painter->fillRect(bar, pendingColor(option.palette));
    painter->setClipping(false);
    painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    // The percentage with a halo so it reads over any segment colour.
    const QString text = percentText(op);
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    QPainterPath path;
    const QFontMetricsF fm(font);
    const QPointF at(bar.center().x() - fm.horizontalAdvance(text) / 2,
                     bar.center().y() + (fm.ascent() - fm.descent()) / 2);
    path.addText(at, font, text);
    painter->setPen(QPen(QColor(0, 0, 0, 150), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(path);
    painter->fillPath(path, Qt::white);
    painter->restore();
}

QSize ProgressBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 120));
    return s;
}

} // namespace iw
