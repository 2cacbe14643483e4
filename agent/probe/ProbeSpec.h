#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace anycast {

// What a service's `probe` key asks for:
//   tcp://HOST:PORT            connect, then close
//   http://... / https://...   GET, expect `expectStatus` (default 200)
//   exec:/path/to/cmd args     run it; exit status 0 = healthy (like exabgp healthcheck --cmd)
struct ProbeSpec
{
    enum class Kind
    {
        Tcp,
        Http,
        Exec
    };

    Kind kind = Kind::Tcp;
    QString host;     // tcp
    quint16 port = 0; // tcp
    QUrl url;         // http(s)
    int expectStatus = 200;
    QStringList command; // exec: program then arguments
    std::chrono::milliseconds timeout{1000};

    // "tcp://127.0.0.1:443", "exec:/usr/bin/check --fast": the error says what is wrong
    // in words ("tcp probe needs a port (tcp://HOST:PORT)").
    static Result<ProbeSpec> parse(const QString &text);
    QString toString() const;

    bool operator==(const ProbeSpec &) const = default;
};

} // namespace anycast
