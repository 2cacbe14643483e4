#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace anycast {

// Narrows EventLogModel to one node, one region, some kinds and a text, in the log's order.
// An empty filter lets everything through (this is a view, not a selection to act on). A
// gap row passes the kind and text filters whatever they are: events of any kind may be in
// it, and hiding it would make the rows around it look complete.
class EventFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventFilterProxy(QObject *parent = nullptr);

    // An inventory endpoint; empty: every node.
    void setNode(const QString &endpoint);
    void setRegion(const QString &region);
    // Agent kinds ("drain", "route"); empty: every kind.
    void setKinds(const QSet<QString> &kinds);
    // Case-insensitive, in the node, region, kind word, service and message.
    void setText(const QString &text);

    const QString &node() const { return m_node; }
    const QString &region() const { return m_region; }
    const QSet<QString> &kinds() const { return m_kinds; }
    const QString &text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    template <typename T> void change(T &member, const T &value);

    QString m_node;
    QString m_region;
    QSet<QString> m_kinds;
    QString m_text;
};

} // namespace anycast
