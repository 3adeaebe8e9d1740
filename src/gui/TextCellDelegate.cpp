#include "gui/TextCellDelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

namespace iw {

TextCellDelegate::TextCellDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QString TextCellDelegate::elided(const QString &text, const QFont &font, Qt::TextElideMode mode, int width)
{
    return QFontMetrics(font).elidedText(text, mode, width);
}

bool TextCellDelegate::isPlainTextCell(const QStyleOptionViewItem &option)
{
    constexpr auto others = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration
        | QStyleOptionViewItem::WrapText;
    if (option.features & others)
        return false;
    if (option.state & (QStyle::State_HasFocus | QStyle::State_Editing))
        return false;
    for (const QChar c : option.text) {
        // Line breaks and tabs are laid out differently by QTextLayout; such a cell goes the stock way.
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}

int TextCellDelegate::fontIndex(const QFont &font) const
{
    for (std::size_t i = 0; i < m_fonts.size(); ++i)
        if (m_fonts[i] == font && m_fonts[i].resolveMask() == font.resolveMask())
            return int(i);
    if (m_fonts.size() >= 16) { // a view uses one or two fonts; many means they keep changing
        m_fonts.clear();
        m_cache.clear();
    }
    m_fonts.push_back(font);
    return int(m_fonts.size() - 1);
}

void TextCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!isPlainTextCell(opt)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();

    painter->save();
    painter->setClipRect(opt.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    if (!opt.text.isEmpty()) {
        // QCommonStyle's pen: HighlightedText when selected, else Text, of the right colour group.
        QPalette::ColorGroup cg = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
        if (cg == QPalette::Normal && !(opt.state & QStyle::State_Active))
            cg = QPalette::Inactive;
        painter->setPen(opt.palette.color(
            cg, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        // QCommonStylePrivate::viewItemDrawText's margin.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
        if (textRect.width() > 0) {
            Key key { opt.text, textRect.width(), int(opt.textElideMode), fontIndex(opt.font) };
            auto it = m_cache.constFind(key);
            if (it == m_cache.constEnd()) {
                ++m_misses;
                if (m_cache.size() >= kMaxCachedTexts)
                    m_cache.clear();
                QStaticText text(elided(opt.text, opt.font, opt.textElideMode, textRect.width()));
                text.setTextFormat(Qt::PlainText);
                text.prepare(QTransform(), opt.font);
                it = m_cache.insert(std::move(key), text);
            } else {
                ++m_hits;
            }
            const QSizeF size = it->size();
            const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
            const QRect at = QStyle::alignedRect(opt.direction, align,
                                                 QSize(qCeil(size.width()), qCeil(size.height())), textRect);
            painter->setFont(opt.font);
            painter->drawStaticText(at.topLeft(), *it);
        }
    }
    painter->restore();
}

} // namespace iw
