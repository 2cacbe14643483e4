#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace anycast {

// The Prometheus text format as the reference parser (prometheus_client.parser, from
// python3-prometheus-client) reads it. Running the real parser, not a second one written
// here, is what proves a scraper will read the output the way the tests assume.
struct ParsedFamily
{
    QString name; // without _total for counters, as the parser names families
    QString type; // "gauge", "counter", "unknown", ...
    QString help;
};

struct ParsedSample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct ParsedMetrics
{
    QList<ParsedFamily> families;
    QList<ParsedSample> samples;

    std::optional<double> value(const QString &name,
                                const QMap<QString, QString> &labels = {}) const;
    QList<ParsedSample> samplesNamed(const QString &name) const;
    const ParsedFamily *family(const QString &name) const;
};

struct ParseOutcome
{
    bool ok = false;
    QString error; // the parser's traceback, or why it could not run
    ParsedMetrics metrics;
};

ParseOutcome parsePrometheusText(const QByteArray &text);

} // namespace anycast
