#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

#include <vector>

namespace iw {

// A QStyledItemDelegate that paints plain one-line text cells from a cache of laid-out, elided text.
//
// The stock path (QCommonStyle CE_ItemViewItem) lays the text out with QTextLayout and, to elide it,
// shapes it again: ~8 HarfBuzz shapings and ~270,000 instructions per cell (callgrind, Statuses pane),
// so one repaint of a 1440x900 table cost 25 M instructions, ~10 ms of GUI time. Here a cell's text is
// elided once per (text, width, elide mode, font) and kept as a QStaticText; painting it again shapes
// nothing. Background, selection and alternate rows are still drawn by the style (PE_PanelItemViewItem),
// the pen follows the same palette rules as QCommonStyle, the text keeps the same margins and alignment.
// Cells with an icon, a check box, wrapped or multi-line text, an editor or the focus go the stock way.
class TextCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kMaxCachedTexts = 8192;

    explicit TextCellDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // What the cell shows in `width` pixels (QFontMetrics::elidedText, as the stock path elides).
    static QString elided(const QString &text, const QFont &font, Qt::TextElideMode mode, int width);
    // True when paint() takes the cached path for this option (initStyleOption already applied).
    static bool isPlainTextCell(const QStyleOptionViewItem &option);

    qsizetype cachedTexts() const { return m_cache.size(); }
    quint64 cacheHits() const { return m_hits; }
    quint64 cacheMisses() const { return m_misses; }

private:
    struct Key
    {
        QString text;
        int width = 0;
        int mode = 0;
        int font = 0; // index into m_fonts
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.width == b.width && a.mode == b.mode && a.font == b.font && a.text == b.text;
        }
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.text, k.width, k.mode, k.font);
        }
    };
    int fontIndex(const QFont &font) const;

    mutable QHash<Key, QStaticText> m_cache;
    mutable std::vector<QFont> m_fonts;
    mutable quint64 m_hits = 0;
    mutable quint64 m_misses = 0;
};

} // namespace iw
