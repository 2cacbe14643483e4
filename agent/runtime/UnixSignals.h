#pragma once

#include <QObject>

class QSocketNotifier;

namespace anycast {

// SIGTERM, SIGINT and SIGHUP delivered as Qt signals through a self-pipe, so handlers run on
// the event loop and may do anything (an async-signal handler may do almost nothing).
class UnixSignals final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() final;

signals:
    void terminate(int signal);
    void reload();

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace anycast
