#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace anycast {

// Something that happened at one moment, drawn as a vertical line across the charts: an
// operator's drain or undrain, or a route change. `endpoint` names the node it happened on;
// empty for the whole fleet (shown whatever the charts show).
struct ChartMarker
{
    enum class Kind
    {
        Drain,
        Undrain,
        Route,
    };

    QDateTime time;
    Kind kind = Kind::Route;
    QString label;
    QString endpoint;

    bool operator==(const ChartMarker &) const = default;
};

} // namespace anycast
