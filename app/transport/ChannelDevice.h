#pragma once

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace anycast {

class SshLink;

// The agent's byte stream over SSH as a QIODevice in the UI thread: what the network thread
// read is handed in with deliver() (readyRead follows), writes go to the network thread
// through the link (bytesWritten follows once libssh took them). Sequential and unbuffered;
// readLine() and canReadLine() work on the bytes delivered so far.
class ChannelDevice final : public QIODevice
{
    Q_OBJECT

public:
    explicit ChannelDevice(QObject *parent = nullptr);

    // Opens the device on a new stream.
    void attach(std::shared_ptr<SshLink> link);
    // Closes it; unread bytes are dropped.
    void detach();
    void deliver(const QByteArray &bytes);
    void confirmWritten(qint64 bytes);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override { return m_unconfirmed; }
    bool canReadLine() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 readLineData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    std::shared_ptr<SshLink> m_link;
    QByteArray m_inbound;
    qint64 m_unconfirmed = 0;
};

} // namespace anycast
