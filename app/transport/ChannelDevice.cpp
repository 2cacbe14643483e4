#include "app/transport/ChannelDevice.h"

#include "app/transport/SshLink.h"

#include <cstring>

namespace anycast {

ChannelDevice::ChannelDevice(QObject *parent)
    : QIODevice(parent)
{}

void ChannelDevice::attach(std::shared_ptr<SshLink> link)
{
    detach();
    m_link = std::move(link);
    open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void ChannelDevice::detach()
{
    if (isOpen())
        close();
    m_link.reset();
    m_inbound.clear();
    m_unconfirmed = 0;
}

void ChannelDevice::deliver(const QByteArray &bytes)
{
    if (!isOpen() || bytes.isEmpty())
        return;
    m_inbound.append(bytes);
    emit readyRead();
}

void ChannelDevice::confirmWritten(qint64 bytes)
{
    if (!isOpen() || bytes <= 0)
        return;
    m_unconfirmed = std::max<qint64>(0, m_unconfirmed - bytes);
    emit bytesWritten(bytes);
}

qint64 ChannelDevice::bytesAvailable() const
{
    return m_inbound.size() + QIODevice::bytesAvailable();
}

bool ChannelDevice::canReadLine() const
{
    return m_inbound.contains('\n') || QIODevice::canReadLine();
}

qint64 ChannelDevice::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_inbound.size());
    std::memcpy(data, m_inbound.constData(), static_cast<size_t>(count));
    m_inbound.remove(0, count);
    return count;
}

qint64 ChannelDevice::readLineData(char *data, qint64 maxSize)
{
    const qsizetype newline = m_inbound.indexOf('\n');
    const qint64 wanted = newline < 0 ? m_inbound.size() : newline + 1;
    return readData(data, std::min(maxSize, wanted));
}

qint64 ChannelDevice::writeData(const char *data, qint64 size)
{
    if (!m_link)
        return -1;
    m_link->send(QByteArray(data, size));
    m_unconfirmed += size;
    return size;
}

} // namespace anycast
