#pragma once

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace anycast {

// Where and why a text is not strict JSON.
struct JsonProblem
{
    qsizetype offset = 0; // byte offset into the text
    QString reason;       // e.g. "duplicate key \"method\""

    // "at byte 12: duplicate key \"method\""
    QString toString() const;
};

struct StrictJsonResult
{
    QJsonDocument document; // null when there is a problem
    std::optional<JsonProblem> problem;

    bool ok() const { return !problem.has_value(); }
};

// The one JSON parser for everything the agent and anycastctl read from outside: API lines,
// peers' /status, the bridge's events, the drain state file, the audit log, the agent's
// replies. Qt's parser builds the document; this refuses what Qt would quietly accept and
// then read differently from the sender:
//  - an object with a duplicate key, at any depth, keys compared after unescaping ("a" and
//    "\u0061" are the same key): Qt keeps the last one, so `"method":"hello","method":"drain"`
//    would drain;
//  - raw control characters in strings, escapes JSON does not have (Qt drops the backslash of
//    "\o"), \u escapes of unpaired surrogates;
//  - U+FEFF anywhere but as a byte order mark before the text, raw or escaped (Qt drops it
//    from keys after sorting them, leaving objects whose lookups go wrong);
//  - numbers outside JSON's grammar that Qt takes ("1.", ".5", "1.e5").
// Takes any bytes without throwing or reading outside them.
class StrictJson final
{
public:
    // An object or an array (what QJsonDocument holds), or the first problem.
    static StrictJsonResult parse(QByteArrayView text);
    // As parse(), and anything but an object is the problem "expected a JSON object".
    static StrictJsonResult parseObject(QByteArrayView text);
};

} // namespace anycast
