#pragma once

#include "app/words/RoutingState.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace anycast {

// Which rows the state filter lets through.
struct FleetStateFilter
{
    enum class Kind
    {
        All,
        // Anything an engineer on shift looks at: a routing state other than announced, or
        // an observation other than reporting (drains count: capacity is out).
        Problems,
        Routing, // exactly `routing`
    };

    Kind kind = Kind::All;
    RoutingState routing = RoutingState::Announced;

    bool operator==(const FleetStateFilter &) const = default;
};

// The fleet tree's filter and sort, over FleetModel's raw roles. A row is shown when its own
// state passes the state filter and the text is found in its name, key, endpoint or one of
// its prefixes, or in an ancestor's (typing a region shows its nodes). The parents of shown
// rows stay, so a match is never shown out of its place. Sorting uses SortRole, the raw
// values. An empty text and "all" show every row.
class FleetFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FleetFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStateFilter(const FleetStateFilter &filter);
    FleetStateFilter stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool textMatches(const QModelIndex &name) const;
    bool stateMatches(const QModelIndex &name) const;

    QString m_text;
    FleetStateFilter m_state;
};

} // namespace anycast
