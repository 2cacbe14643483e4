#include "tests/bench/common/RibEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace anycast::bench {

std::vector<RibEvent> parseRibMonitorLine(const TimedLine &line)
{
    std::vector<RibEvent> events;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(line.text));
    for (const QJsonValue &pathValue : document.array()) {
        const QJsonObject path = pathValue.toObject();
        RibEvent event;
        event.at = line.at;
        event.prefix = path.value(QStringLiteral("nlri"))
                           .toObject()
                           .value(QStringLiteral("prefix"))
                           .toString();
        event.withdrawn = path.value(QStringLiteral("withdrawal")).toBool();
        for (const QJsonValue &attributeValue : path.value(QStringLiteral("attrs")).toArray()) {
            const QJsonObject attribute = attributeValue.toObject();
            const int type = attribute.value(QStringLiteral("type")).toInt();
            if (type == 2) {
                for (const QJsonValue &segment :
                     attribute.value(QStringLiteral("as_paths")).toArray())
                    event.asPathLength += static_cast<int>(
                        segment.toObject().value(QStringLiteral("asns")).toArray().size());
            } else if (type == 4) {
                event.med =
                    static_cast<quint32>(attribute.value(QStringLiteral("metric")).toDouble());
            }
        }
        if (!event.prefix.isEmpty())
            events.push_back(event);
    }
    return events;
}

RibEvents::RibEvents(quint16 apiPort)
    : m_child(std::make_unique<TimedChild>(
          std::vector<std::string>{"gobgp", "-p", std::to_string(apiPort), "-u", "127.0.0.1", "-j",
                                   "monitor", "global", "rib", "--current"}))
{}

std::vector<RibEvent> RibEvents::since(std::size_t from) const
{
    std::vector<RibEvent> events;
    const std::vector<TimedLine> lines = m_child->lines();
    for (std::size_t i = from; i < lines.size(); ++i) {
        for (RibEvent &event : parseRibMonitorLine(lines[i]))
            events.push_back(std::move(event));
    }
    return events;
}

std::optional<RibEvent> RibEvents::waitFor(const QString &prefix,
                                           const std::function<bool(const RibEvent &)> &match,
                                           std::size_t from, Clock::time_point deadline)
{
    std::optional<RibEvent> found;
    const auto line = m_child->waitFor(
        [&](const std::string &text) {
            for (const RibEvent &event : parseRibMonitorLine({Clock::time_point{}, text})) {
                if (event.prefix == prefix && match(event)) {
                    found = event;
                    return true;
                }
            }
            return false;
        },
        from, deadline);
    if (!line)
        return std::nullopt;
    found->at = line->second.at;
    return found;
}

std::optional<RibEvent> RibEvents::latest(const QString &prefix) const
{
    std::optional<RibEvent> result;
    for (const RibEvent &event : since(0)) {
        if (event.prefix == prefix)
            result = event;
    }
    return result;
}

} // namespace anycast::bench
