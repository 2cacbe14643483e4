#include "app/widgets/MarkerNavigation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace anycast {

QList<qsizetype> MarkerNavigation::tabOrder(const QList<PlacedMarker> &placed)
{
    QList<qsizetype> order(placed.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&placed](qsizetype a, qsizetype b) {
        const QPointF first = placed.at(a).centre();
        const QPointF second = placed.at(b).centre();
        if (first.x() != second.x())
            return first.x() < second.x();
        return first.y() < second.y();
    });
    return order;
}

qsizetype MarkerNavigation::neighbour(const QList<PlacedMarker> &placed, qsizetype from,
                                      Direction direction)
{
    if (from < 0 || from >= placed.size())
        return -1;
    const QPointF origin = placed.at(from).centre();
    qsizetype best = -1;
    double bestScore = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < placed.size(); ++i) {
        if (i == from)
            continue;
        const QPointF offset = placed.at(i).centre() - origin;
        double ahead = 0;
        double aside = 0;
        switch (direction) {
        case Direction::Left:
            ahead = -offset.x();
            aside = offset.y();
            break;
        case Direction::Right:
            ahead = offset.x();
            aside = offset.y();
            break;
        case Direction::Up:
            ahead = -offset.y();
            aside = offset.x();
            break;
        case Direction::Down:
            ahead = offset.y();
            aside = offset.x();
            break;
        }
        if (ahead <= 0)
            continue;
        const double score = ahead + 2 * std::abs(aside);
        if (score < bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}

} // namespace anycast
