#include "tests/metrics/PrometheusTextParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace anycast {

namespace {

// Debian's python3 on purpose: `python3` on PATH may be another installation without the
// package.
const QString kPython = QStringLiteral("/usr/bin/python3");

// One JSON object per line: a family, then its samples.
const QString kScript = QStringLiteral(R"(
import json, sys
from prometheus_client.parser import text_string_to_metric_families
text = sys.stdin.buffer.read().decode('utf-8')
for family in text_string_to_metric_families(text):
    print(json.dumps({'family': family.name, 'type': family.type,
                      'help': family.documentation}))
    for sample in family.samples:
        print(json.dumps({'sample': sample.name, 'labels': sample.labels,
                          'value': sample.value}))
)");

constexpr int kTimeoutMilliseconds = 20000;

} // namespace

std::optional<double> ParsedMetrics::value(const QString &name,
                                           const QMap<QString, QString> &labels) const
{
    for (const ParsedSample &sample : samples) {
        if (sample.name == name && sample.labels == labels)
            return sample.value;
    }
    return std::nullopt;
}

QList<ParsedSample> ParsedMetrics::samplesNamed(const QString &name) const
{
    QList<ParsedSample> result;
    for (const ParsedSample &sample : samples) {
        if (sample.name == name)
            result.append(sample);
    }
    return result;
}

const ParsedFamily *ParsedMetrics::family(const QString &name) const
{
    for (const ParsedFamily &candidate : families) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

ParseOutcome parsePrometheusText(const QByteArray &text)
{
    ParseOutcome outcome;
    QProcess python;
    python.start(kPython, {QStringLiteral("-c"), kScript});
    if (!python.waitForStarted(kTimeoutMilliseconds)) {
        outcome.error = QStringLiteral("cannot run %1: %2").arg(kPython, python.errorString());
        return outcome;
    }
    python.write(text);
    python.closeWriteChannel();
    if (!python.waitForFinished(kTimeoutMilliseconds)) {
        python.kill();
        python.waitForFinished();
        outcome.error = QStringLiteral("the parser did not finish");
        return outcome;
    }
    const QByteArray output = python.readAllStandardOutput();
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        outcome.error = QString::fromUtf8(python.readAllStandardError());
        return outcome;
    }
    for (const QByteArray &line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject()) {
            outcome.error = QStringLiteral("unreadable parser output: %1").arg(line);
            return outcome;
        }
        const QJsonObject object = document.object();
        if (object.contains(QStringLiteral("family"))) {
            outcome.metrics.families.append({object.value(QStringLiteral("family")).toString(),
                                             object.value(QStringLiteral("type")).toString(),
                                             object.value(QStringLiteral("help")).toString()});
            continue;
        }
        ParsedSample sample;
        sample.name = object.value(QStringLiteral("sample")).toString();
        const QJsonObject labels = object.value(QStringLiteral("labels")).toObject();
        for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
            sample.labels.insert(it.key(), it.value().toString());
        sample.value = object.value(QStringLiteral("value")).toDouble();
        outcome.metrics.samples.append(sample);
    }
    outcome.ok = true;
    return outcome;
}

} // namespace anycast
